import { describeEachTransport, failureOf } from '../harness';
import {
  claimVoiceNumber,
  createConnector,
  createGroup,
  expectRefused,
  updateNumber,
} from './support';

describeEachTransport('voice connector group deletion', (harness) => {
  it('an empty group is deleted', async () => {
    const { client } = harness();
    const group = await createGroup(client, 'main');
    await client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId });
    const failure = await failureOf(
      client.call('GetVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
    );
    expect(failure.code).toBe('ResourceNotFoundException');
    expect((await client.call('ListVoiceConnectorGroups')).items).toEqual([]);
  });

  it('fails when a group with voice connectors is deleted; it keeps them', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main', [
      { voiceConnectorId: east.voiceConnectorId, priority: 1 },
    ]);
    await expectRefused(
      client,
      () => client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
      'ConflictException',
      `voice connector group ${group.voiceConnectorGroupId} still has voice connectors (${east.voiceConnectorId})`,
    );
  });

  it('fails when a group with phone numbers is deleted; the numbers stay assigned', async () => {
    const { client } = harness();
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    await expectRefused(
      client,
      () => client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
      'ConflictException',
      `still has phone numbers assigned (${number.phoneNumber})`,
    );
  });

  it('a group is deleted once its connectors are removed and its numbers unassigned', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main', [
      { voiceConnectorId: east.voiceConnectorId, priority: 1 },
    ]);
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    await client.call('UpdateVoiceConnectorGroup', {
      id: group.voiceConnectorGroupId,
      body: { connectors: [] },
    });
    await expectRefused(
      client,
      () => client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
      'ConflictException',
      'still has phone numbers assigned',
    );
    await updateNumber(client, number.phoneNumberId, { voiceConnectorGroupId: null });
    await client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId });
    expect((await client.call('ListVoiceConnectorGroups')).items).toEqual([]);
    // Its connector lives on outside the group.
    expect((await client.call('GetVoiceConnector', { id: east.voiceConnectorId })).name).toBe(
      'east',
    );
  });

  it('fails when a voice connector still in a group is deleted', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main', [
      { voiceConnectorId: east.voiceConnectorId, priority: 1 },
    ]);
    await expectRefused(
      client,
      () => client.call('DeleteVoiceConnector', { id: east.voiceConnectorId }),
      'ConflictException',
      `is a member of voice connector group ${group.voiceConnectorGroupId}`,
    );
  });
});

import { describeEachTransport } from '../harness';
import {
  claimVoiceNumber,
  createConnector,
  createGroup,
  describeNumber,
  expectRefused,
  updateNumber,
} from './support';

describeEachTransport('assignment to one voice connector or group', (harness) => {
  it('a Voice Connector number is assigned to a voice connector', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client);
    const assigned = await updateNumber(client, number.phoneNumberId, {
      voiceConnectorId: connector.voiceConnectorId,
    });
    expect(assigned).toMatchObject({
      voiceConnectorId: connector.voiceConnectorId,
      voiceConnectorGroupId: null,
    });
  });

  it('a Voice Connector number is assigned to a voice connector group', async () => {
    const { client } = harness();
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    expect(number).toMatchObject({
      voiceConnectorId: null,
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
  });

  it('fails when a number is created for both a voice connector and a group; nothing is claimed', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const group = await createGroup(client, 'main');
    await expectRefused(
      client,
      () =>
        claimVoiceNumber(client, {
          voiceConnectorId: connector.voiceConnectorId,
          voiceConnectorGroupId: group.voiceConnectorGroupId,
        }),
      'ValidationException',
      'a number is assigned to at most one voice connector or voice connector group',
    );
  });

  it('fails when an update assigns a number to a voice connector and a group at once; it keeps its assignment', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const west = await createConnector(client, 'west', 'us-west-2');
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await expectRefused(
      client,
      () =>
        updateNumber(client, number.phoneNumberId, {
          voiceConnectorId: west.voiceConnectorId,
          voiceConnectorGroupId: group.voiceConnectorGroupId,
        }),
      'ValidationException',
      'at most one voice connector or voice connector group',
    );
    expect((await describeNumber(client, number.phoneNumberId)).voiceConnectorId).toBe(
      east.voiceConnectorId,
    );
  });

  it('assigning a number to a group moves it off its voice connector', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    const moved = await updateNumber(client, number.phoneNumberId, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    expect(moved).toMatchObject({
      voiceConnectorId: null,
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    // The connector no longer holds the number, so it can go.
    await client.call('DeleteVoiceConnector', { id: east.voiceConnectorId });
  });

  it('assigning a number to a voice connector moves it off its group', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    const moved = await updateNumber(client, number.phoneNumberId, {
      voiceConnectorId: east.voiceConnectorId,
    });
    expect(moved).toMatchObject({
      voiceConnectorId: east.voiceConnectorId,
      voiceConnectorGroupId: null,
    });
    await client.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId });
  });

  it('reassigning a number from one voice connector to another leaves it on the new one only', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const west = await createConnector(client, 'west', 'us-west-2');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await updateNumber(client, number.phoneNumberId, { voiceConnectorId: west.voiceConnectorId });
    const route = await client.call('RouteCall', { body: { phoneNumber: number.phoneNumber } });
    expect(route).toMatchObject({ routed: true, voiceConnectorId: west.voiceConnectorId });
    await client.call('DeleteVoiceConnector', { id: east.voiceConnectorId });
  });

  it('an unassigned number is on no voice connector and no group', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    const unassigned = await updateNumber(client, number.phoneNumberId, { voiceConnectorId: null });
    expect(unassigned).toMatchObject({ voiceConnectorId: null, voiceConnectorGroupId: null });
    const route = await client.call('RouteCall', { body: { phoneNumber: number.phoneNumber } });
    expect(route).toMatchObject({ routed: false });
  });

  it('fails when a number is assigned to a voice connector that does not exist', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    await expectRefused(
      client,
      () =>
        updateNumber(client, number.phoneNumberId, { voiceConnectorId: 'abcdefghij0123456789ab' }),
      'ResourceNotFoundException',
      'voice connector abcdefghij0123456789ab does not exist in this account',
    );
  });

  it('fails when a voice connector that holds a number is deleted; both stay', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await expectRefused(
      client,
      () => client.call('DeleteVoiceConnector', { id: east.voiceConnectorId }),
      'ConflictException',
      `still has phone numbers assigned (${number.phoneNumber})`,
    );
  });
});

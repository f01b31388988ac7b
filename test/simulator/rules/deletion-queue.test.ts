import { describeEachTransport, failureOf } from '../harness';
import {
  DAY,
  SECOND,
  advance,
  allNumbers,
  claimSimulatorNumber,
  claimVoiceNumber,
  clockNow,
  createConnector,
  createGroup,
  describeNumber,
  expectRefused,
  updateNumber,
} from './support';

describeEachTransport('deletion queue', (harness) => {
  it('releasing an unassigned number puts it in the deletion queue for 7 days', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    const releasedAt = await clockNow(client);
    const queued = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(queued.status).toBe('DELETION_QUEUED');
    expect(queued.releaseAt).toBe(new Date(releasedAt + 7 * DAY).toISOString());
    expect(await describeNumber(client, number.phoneNumberId)).toEqual(queued);
  });

  it('a queued number restored within 7 days is ACTIVE again and stays', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, 7 * DAY - SECOND);
    const restored = await client.call('RestorePhoneNumber', { id: number.phoneNumberId });
    expect(restored).toMatchObject({
      phoneNumber: number.phoneNumber,
      status: 'ACTIVE',
      claimStatus: 'CLAIMED',
      releaseAt: null,
    });
    await advance(client, '30d');
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('ACTIVE');
  });

  it('a queued number is released for good after 7 days', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '7d');
    expect(await allNumbers(client)).toEqual([]);
    const failure = await failureOf(describeNumber(client, number.phoneNumberId));
    expect(failure.code).toBe('ResourceNotFoundException');
    expect(failure.message).toContain(`phone number ${number.phoneNumberId} does not exist`);
  });

  it('fails when a number is restored after its 7 days in the queue', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '7d');
    await expectRefused(
      client,
      () => client.call('RestorePhoneNumber', { id: number.phoneNumberId }),
      'ResourceNotFoundException',
      `phone number ${number.phoneNumberId} does not exist`,
    );
  });

  it('fails when a number assigned to a voice connector is released; it stays assigned and ACTIVE', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: connector.voiceConnectorId });
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      `is assigned to voice connector ${connector.voiceConnectorId}; unassign it first`,
    );
    expect(await describeNumber(client, number.phoneNumberId)).toMatchObject({
      status: 'ACTIVE',
      voiceConnectorId: connector.voiceConnectorId,
    });
  });

  it('fails when a number assigned to a voice connector group is released', async () => {
    const { client } = harness();
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      `is assigned to voice connector group ${group.voiceConnectorGroupId}; unassign it first`,
    );
  });

  it('a number released after it is unassigned goes to the queue', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: connector.voiceConnectorId });
    await updateNumber(client, number.phoneNumberId, { voiceConnectorId: null });
    const queued = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(queued.status).toBe('DELETION_QUEUED');
  });

  it('fails when a queued number is released again; its 7 days do not restart', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    const queued = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '3d');
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'is already in the deletion queue',
    );
    expect((await describeNumber(client, number.phoneNumberId)).releaseAt).toBe(queued.releaseAt);
  });

  it('fails when a number that is not queued is restored', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await expectRefused(
      client,
      () => client.call('RestorePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'is ACTIVE, not in the deletion queue',
    );
  });

  it('fails when a queued number is updated', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await expectRefused(
      client,
      () => updateNumber(client, number.phoneNumberId, { deletionProtectionEnabled: true }),
      'ConflictException',
      'is in the deletion queue; restore it before you update it',
    );
  });

  it('a number queued while PENDING and restored stays PENDING until its provisioning delay', async () => {
    const { client } = harness();
    const number = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'TOLL_FREE', numberCapabilities: ['VOICE'] },
    });
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '1d');
    const restored = await client.call('RestorePhoneNumber', { id: number.phoneNumberId });
    expect(restored.status).toBe('PENDING');
    await advance(client, 2 * DAY - SECOND);
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('PENDING');
    await advance(client, SECOND);
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('ACTIVE');
  });

  it('a number queued while PENDING never activates in the queue', async () => {
    const { client } = harness();
    const number = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
    });
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '1h');
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('DELETION_QUEUED');
  });
});

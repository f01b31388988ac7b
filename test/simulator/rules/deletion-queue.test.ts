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
  numberIds,
  updateNumber,
} from './support';

// Chime 000 L150, L154: a Chime number (one with a productType) waits in the deletion queue;
// Pinpoint 001 L277-280: a number without one is released at once and for good.
describeEachTransport('deletion queue', (harness) => {
  it('releasing an unassigned Chime number puts it in the deletion queue for 7 days', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    const releasedAt = await clockNow(client);
    const queued = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(queued.status).toBe('DELETION_QUEUED');
    expect(queued.releaseAt).toBe(new Date(releasedAt + 7 * DAY).toISOString());
    expect(await describeNumber(client, number.phoneNumberId)).toEqual(queued);
  });

  it('a queued number restored within 7 days is ACTIVE again and stays', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
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
    const number = await claimVoiceNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '7d');
    expect(await allNumbers(client)).toEqual([]);
    const failure = await failureOf(describeNumber(client, number.phoneNumberId));
    expect(failure.code).toBe('ResourceNotFoundException');
    expect(failure.message).toContain(`phone number ${number.phoneNumberId} does not exist`);
  });

  it('fails when a number is restored after its 7 days in the queue', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
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
    const number = await claimVoiceNumber(client);
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
    const number = await claimVoiceNumber(client);
    await expectRefused(
      client,
      () => client.call('RestorePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'is ACTIVE, not in the deletion queue',
    );
  });

  it('fails when a queued number is updated', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await expectRefused(
      client,
      () => updateNumber(client, number.phoneNumberId, { deletionProtectionEnabled: true }),
      'ConflictException',
      'is in the deletion queue; restore it before you update it',
    );
  });

  it('a number without a productType is released at once and for good: it is gone and cannot be restored (Pinpoint 001 L277-280)', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    const releasedAt = await clockNow(client);
    const released = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(released).toMatchObject({
      phoneNumberId: number.phoneNumberId,
      phoneNumber: number.phoneNumber,
      status: 'DELETED',
      releaseAt: new Date(releasedAt).toISOString(),
    });
    expect(await allNumbers(client)).toEqual([]);
    await expectRefused(
      client,
      () => client.call('RestorePhoneNumber', { id: number.phoneNumberId }),
      'ResourceNotFoundException',
      `phone number ${number.phoneNumberId} does not exist`,
    );
  });

  it('a number released for good frees its place in the inventory at once', async () => {
    const small = await harness().newAccount('small', 2);
    const number = await claimSimulatorNumber(small);
    const kept = await claimSimulatorNumber(small); // the inventory is full
    await small.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    const next = await claimSimulatorNumber(small);
    expect(next.phoneNumber).not.toBe(number.phoneNumber);
    expect(await numberIds(small)).toEqual([kept.phoneNumberId, next.phoneNumberId].sort());
  });

  it('fails when a PENDING number is released: it stays PENDING, and the error says when it is ACTIVE (Chime 000 L29, L136)', async () => {
    const { client } = harness();
    const claimedAt = await clockNow(client);
    const number = await client.call('CreatePhoneNumber', {
      body: {
        isoCountryCode: 'US',
        numberType: 'TOLL_FREE',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
      },
    });
    const activeAt = new Date(claimedAt + 3 * DAY).toISOString();
    const failure = await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      `is PENDING until ${activeAt}: only ACTIVE numbers are released`,
    );
    expect(failure.reason).toBe('not-active');
    expect(await describeNumber(client, number.phoneNumberId)).toEqual(number);
  });

  it('a PENDING number is released once it is ACTIVE', async () => {
    const { client } = harness();
    const number = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
    });
    await advance(client, '1m');
    const released = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(released.status).toBe('DELETED');
  });
});

import type { SimulatorClient } from '../../../provider/client/simulator-client';
import { describeEachTransport, failureOf } from '../harness';
import {
  allNumbers,
  claimSimulatorNumber,
  claimVoiceNumber,
  expectRefused,
  numberIds,
} from './support';

async function claimMany(client: SimulatorClient, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await claimSimulatorNumber(client);
}

describeEachTransport('number inventory quota', (harness) => {
  it('a new account has a number quota of 25', async () => {
    await harness().newAccount('fresh');
    const accounts = await harness().client.admin('ListAccounts');
    expect(accounts.map((a) => [a.name, a.numberQuota])).toEqual([
      ['default', 25],
      ['fresh', 25],
    ]);
  });

  it('an account can hold 25 numbers', async () => {
    const { client } = harness();
    await claimMany(client, 25);
    expect(await allNumbers(client)).toHaveLength(25);
  });

  it('fails when a 26th number is claimed, and the inventory keeps its 25', async () => {
    const { client } = harness();
    await claimMany(client, 25);
    await expectRefused(
      client,
      () => claimSimulatorNumber(client),
      'ServiceQuotaExceededException',
      'holds at most 25 numbers, and this makes 26',
    );
  });

  it('fails when a pending number fills the quota: numbers count from the moment they are ordered', async () => {
    const small = await harness().newAccount('small', 2);
    await claimSimulatorNumber(small);
    const pending = await small.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
    });
    expect(pending.status).toBe('PENDING');
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      'holds at most 2 numbers, and this makes 3',
    );
  });

  it('a number in the deletion queue does not count: releasing one makes room for a claim at once', async () => {
    // Chime keeps the deletion queue apart from the Inventory; Connect lets a release make
    // room for a claim (RULES.md, quota counting).
    const small = await harness().newAccount('small', 2);
    const kept = await claimSimulatorNumber(small);
    const released = await claimVoiceNumber(small);
    await small.call('ReleasePhoneNumber', { id: released.phoneNumberId });
    const next = await claimSimulatorNumber(small);
    expect(next.status).toBe('ACTIVE');
    expect(await numberIds(small, { status: ['ACTIVE'] })).toEqual(
      [kept.phoneNumberId, next.phoneNumberId].sort(),
    );
  });

  it('restoring a queued number fails when the inventory is full, and the number stays queued', async () => {
    const small = await harness().newAccount('small', 3);
    await claimSimulatorNumber(small);
    await claimSimulatorNumber(small);
    const released = await claimVoiceNumber(small);
    await small.call('ReleasePhoneNumber', { id: released.phoneNumberId });
    const next = await claimSimulatorNumber(small);
    await expectRefused(
      small,
      () => small.call('RestorePhoneNumber', { id: released.phoneNumberId }),
      'ServiceQuotaExceededException',
      'holds at most 3 numbers, and this makes 4',
    );
    expect((await small.call('DescribePhoneNumber', { id: released.phoneNumberId })).status).toBe(
      'DELETION_QUEUED',
    );
    // With a place free again, the restore goes through.
    await small.call('ReleasePhoneNumber', { id: next.phoneNumberId });
    const restored = await small.call('RestorePhoneNumber', { id: released.phoneNumberId });
    expect(restored.status).toBe('ACTIVE');
  });

  it('an admin can raise the quota, and the account can then claim more', async () => {
    const { client } = harness();
    await claimMany(client, 25);
    const raised = await client.admin('UpdateAccount', {
      id: 'default',
      body: { numberQuota: 26 },
    });
    expect(raised.numberQuota).toBe(26);
    await claimSimulatorNumber(client);
    expect(await allNumbers(client)).toHaveLength(26);
    await expectRefused(
      client,
      () => claimSimulatorNumber(client),
      'ServiceQuotaExceededException',
      'holds at most 26 numbers, and this makes 27',
    );
  });

  it('the quota of one account does not limit another', async () => {
    const small = await harness().newAccount('small', 1);
    await claimSimulatorNumber(small);
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      'holds at most 1 numbers, and this makes 2',
    );
    await claimMany(harness().client, 2);
    expect(await allNumbers(harness().client)).toHaveLength(2);
  });

  it('fails when an account quota is set below zero, and the quota stays', async () => {
    const { client } = harness();
    const before = await client.admin('ListAccounts');
    const failure = await failureOf(
      client.admin('UpdateAccount', { id: 'default', body: { numberQuota: -1 } }),
    );
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain('numberQuota');
    expect(await client.admin('ListAccounts')).toEqual(before);
  });
});

import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type { PhoneNumber } from '../../../provider/api/objects';
import { describeEachTransport } from '../harness';
import {
  DAY,
  SECOND,
  advance,
  claimSimulatorNumber,
  clockNow,
  describeNumber,
  expectRefused,
  numberIds,
} from './support';

/** Makes the carrier refuse the next claim, then claims: the claim ends FAILED. */
async function failedClaim(
  client: SimulatorClient,
  extra: Record<string, unknown> = {},
): Promise<PhoneNumber> {
  await client.admin('AddFault', {
    body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
  });
  return claimSimulatorNumber(client, extra);
}

describeEachTransport('claim status', (harness) => {
  it('a number active at once is CLAIMED', async () => {
    const number = await claimSimulatorNumber(harness().client);
    expect(number.claimStatus).toBe('CLAIMED');
    expect(number.failureReason).toBeNull();
  });

  it('a number still provisioning is IN_PROGRESS until it becomes CLAIMED', async () => {
    const { client } = harness();
    const number = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
    });
    expect(number.claimStatus).toBe('IN_PROGRESS');
    await advance(client, '1m');
    expect((await describeNumber(client, number.phoneNumberId)).claimStatus).toBe('CLAIMED');
  });

  it('a claim the carrier does not confirm is FAILED, says why, and keeps the number for 1 day', async () => {
    const { client } = harness();
    const failedAt = await clockNow(client);
    const number = await failedClaim(client);
    expect(number).toMatchObject({
      status: 'FAILED',
      claimStatus: 'FAILED',
      releaseAt: new Date(failedAt + DAY).toISOString(),
    });
    expect(number.failureReason).toContain('retry it within one day');
    await advance(client, DAY - SECOND);
    expect(await describeNumber(client, number.phoneNumberId)).toEqual(number);
  });

  it('a failed claim retried within its day is CLAIMED with the same number, and kept', async () => {
    const { client } = harness();
    const number = await failedClaim(client);
    await advance(client, DAY - SECOND);
    const retried = await client.call('RetryClaimPhoneNumber', { id: number.phoneNumberId });
    expect(retried).toMatchObject({
      phoneNumberId: number.phoneNumberId,
      phoneNumber: number.phoneNumber,
      status: 'ACTIVE',
      claimStatus: 'CLAIMED',
      failureReason: null,
      releaseAt: null,
    });
    await advance(client, '2d');
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('ACTIVE');
  });

  it('a failed claim not retried within 1 day is given up', async () => {
    const { client } = harness();
    const number = await failedClaim(client);
    await advance(client, '1d');
    expect(await numberIds(client)).toEqual([]);
    await expectRefused(
      client,
      () => client.call('RetryClaimPhoneNumber', { id: number.phoneNumberId }),
      'ResourceNotFoundException',
      `phone number ${number.phoneNumberId} does not exist`,
    );
  });

  it('a failed retry fails the claim again but grants no new day: the number goes one day after the first failure', async () => {
    const { client } = harness();
    const failedAt = await clockNow(client);
    const number = await failedClaim(client);
    await advance(client, '12h');
    await client.admin('AddFault', {
      body: { operation: 'RetryClaimPhoneNumber', kind: 'claim-failure', nth: 1 },
    });
    const again = await client.call('RetryClaimPhoneNumber', { id: number.phoneNumberId });
    expect(again).toMatchObject({
      status: 'FAILED',
      claimStatus: 'FAILED',
      releaseAt: new Date(failedAt + DAY).toISOString(),
    });
    await advance(client, 12 * 60 * 60 * 1000 - SECOND);
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('FAILED');
    await advance(client, SECOND);
    expect(await numberIds(client)).toEqual([]);
  });

  it('fails when a claim that did not fail is retried', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await expectRefused(
      client,
      () => client.call('RetryClaimPhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'is CLAIMED; only FAILED claims can be retried',
    );
  });

  it('a failed claim does not take a place in the inventory quota', async () => {
    const small = await harness().newAccount('small', 1);
    await failedClaim(small);
    const claimed = await claimSimulatorNumber(small);
    expect(claimed.status).toBe('ACTIVE');
  });

  it('fails when a failed claim is retried with the inventory full; the claim stays FAILED', async () => {
    const small = await harness().newAccount('small', 1);
    const failed = await failedClaim(small);
    await claimSimulatorNumber(small);
    await expectRefused(
      small,
      () => small.call('RetryClaimPhoneNumber', { id: failed.phoneNumberId }),
      'ServiceQuotaExceededException',
      'holds at most 1 numbers, and this makes 2',
    );
    expect((await describeNumber(small, failed.phoneNumberId)).status).toBe('FAILED');
  });

  it('fails when a failed claim is updated before it is retried', async () => {
    const { client } = harness();
    const number = await failedClaim(client);
    await expectRefused(
      client,
      () =>
        client.call('UpdatePhoneNumber', {
          id: number.phoneNumberId,
          body: { selfManagedOptOutsEnabled: true },
        }),
      'ConflictException',
      'retry the claim before you update it',
    );
  });

  it('releasing a failed claim gives the number up at once; it can never be restored into an ACTIVE number', async () => {
    const { client } = harness();
    const number = await failedClaim(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(await numberIds(client)).toEqual([]);
    await expectRefused(
      client,
      () => client.call('RestorePhoneNumber', { id: number.phoneNumberId }),
      'ResourceNotFoundException',
      `phone number ${number.phoneNumberId} does not exist`,
    );
  });
});

import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type { PhoneNumber } from '../../../provider/simulator/domain/types';
import { describeEachTransport } from '../harness';
import { DAY, SECOND, advance, claimSimulatorNumber, expectRefused, numberIds } from './support';

/** Releases a number and lets the deletion queue purge it: one release in the churn count. */
async function releaseForGood(client: SimulatorClient, number: PhoneNumber): Promise<void> {
  await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
  await advance(client, '7d');
}

const BLOCKED = 'claiming is blocked';

/** Quota 2, so claims plus releases in 180 days are capped at 4. */
describeEachTransport('churn cap: claims plus releases within 200% of the quota', (harness) => {
  it('claims and releases adding up to 200% of the quota are allowed', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small); // 1
    const b = await claimSimulatorNumber(small); // 2
    await releaseForGood(small, a); // 3
    const c = await claimSimulatorNumber(small); // 4
    expect(await numberIds(small)).toEqual([b.phoneNumberId, c.phoneNumberId].sort());
  });

  it('fails when a claim would take claims plus releases past 200% of the quota, even with room in the inventory', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small); // 1
    const b = await claimSimulatorNumber(small); // 2
    await releaseForGood(small, a); // 3
    await releaseForGood(small, b); // 4
    expect(await numberIds(small)).toEqual([]);
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      'claimed and released 4 numbers in the last 180 days, and the cap is 200% of its quota (4)',
    );
  });

  it('a release counts from the release call: it blocks a claim while the number is still in the deletion queue', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small); // 1
    const b = await claimSimulatorNumber(small); // 2
    await small.call('ReleasePhoneNumber', { id: a.phoneNumberId }); // 3
    await small.call('ReleasePhoneNumber', { id: b.phoneNumberId }); // 4
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      'claimed and released 4 numbers in the last 180 days, and the cap is 200% of its quota (4)',
    );
  });

  it('a release leaves the rolling window 180 days after the release call, not after the deletion queue', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small);
    const b = await claimSimulatorNumber(small);
    await advance(small, 200 * DAY); // the claims of day 0 have left the window
    await small.call('ReleasePhoneNumber', { id: a.phoneNumberId }); // day 200
    await small.call('ReleasePhoneNumber', { id: b.phoneNumberId }); // day 200
    await advance(small, 10 * DAY);
    const c = await claimSimulatorNumber(small); // day 210
    await claimSimulatorNumber(small); // day 210: 4 of 4
    await advance(small, 10 * DAY);
    await small.call('ReleasePhoneNumber', { id: c.phoneNumberId }); // day 220: 5
    // The two releases of day 200 leave the window on day 380 (not 387, when the queue
    // let them go).
    await advance(small, 160 * DAY - SECOND);
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      BLOCKED,
    );
    await advance(small, SECOND);
    expect((await claimSimulatorNumber(small)).status).toBe('ACTIVE');
  });

  it('a release undone from the deletion queue does not count', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small); // 1
    const b = await claimSimulatorNumber(small); // 2
    await small.call('ReleasePhoneNumber', { id: a.phoneNumberId });
    await small.call('RestorePhoneNumber', { id: a.phoneNumberId });
    await releaseForGood(small, b); // 3
    await claimSimulatorNumber(small); // 4
    expect(await numberIds(small)).toHaveLength(2);
  });

  it('claiming is allowed again once old claims and releases leave the rolling 180-day window', async () => {
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small); // day 0
    const b = await claimSimulatorNumber(small); // day 0
    await releaseForGood(small, a); // day 7
    await releaseForGood(small, b); // day 14
    // Now day 14; the two claims of day 0 leave the window on day 180.
    await advance(small, 166 * DAY - SECOND);
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      BLOCKED,
    );
    await advance(small, SECOND);
    const claimed = await claimSimulatorNumber(small);
    expect(claimed.status).toBe('ACTIVE');
  });

  it('the cap follows the quota: an admin raising the quota lifts the block', async () => {
    const small = await harness().newAccount('small', 2);
    await releaseForGood(small, await claimSimulatorNumber(small));
    await releaseForGood(small, await claimSimulatorNumber(small));
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      BLOCKED,
    );
    await small.admin('UpdateAccount', { id: 'small', body: { numberQuota: 3 } });
    await claimSimulatorNumber(small); // 5 of 6
    await claimSimulatorNumber(small); // 6 of 6
    await expectRefused(
      small,
      () => claimSimulatorNumber(small),
      'ServiceQuotaExceededException',
      'cap is 200% of its quota (6)',
    );
  });

  it('fails when a failed claim is retried past the cap: a retry is a claim', async () => {
    const small = await harness().newAccount('small', 3);
    const a = await claimSimulatorNumber(small); // 1
    const b = await claimSimulatorNumber(small); // 2
    await small.call('ReleasePhoneNumber', { id: a.phoneNumberId });
    await small.call('ReleasePhoneNumber', { id: b.phoneNumberId });
    await advance(small, '6d12h');
    await small.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
    });
    const failed = await claimSimulatorNumber(small); // FAILED: not counted
    expect(failed.status).toBe('FAILED');
    await small.admin('UpdateAccount', { id: 'small', body: { numberQuota: 2 } });
    await advance(small, '12h'); // a and b purged; claims and releases were 4 of 4 already
    await expectRefused(
      small,
      () => small.call('RetryClaimPhoneNumber', { id: failed.phoneNumberId }),
      'ServiceQuotaExceededException',
      BLOCKED,
    );
    expect((await small.call('DescribePhoneNumber', { id: failed.phoneNumberId })).status).toBe(
      'FAILED',
    );
  });

  it('the churn of one account does not block another', async () => {
    const small = await harness().newAccount('small', 2);
    await releaseForGood(small, await claimSimulatorNumber(small));
    await releaseForGood(small, await claimSimulatorNumber(small));
    const other = await harness().newAccount('other', 2);
    expect((await claimSimulatorNumber(other)).status).toBe('ACTIVE');
  });
});

import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type { PhoneNumber } from '../../../provider/api/objects';
import { describeEachTransport, failureOf } from '../harness';
import { DAY, SECOND, advance, allNumbers, numberIds } from './support';

/**
 * The UK long-code block holds 1000 numbers (+447700900000..999), so a test can take every
 * number but one and see exactly which numbers the simulator still offers.
 */
const GB_BLOCK_SIZE = 1000;
const BATCH = 50;
const claimGbLongCode = (
  client: SimulatorClient,
  capability: 'SMS' | 'VOICE' = 'SMS',
  extra: Record<string, unknown> = {},
): Promise<PhoneNumber> =>
  client.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'GB',
      numberType: 'LONG_CODE',
      numberCapabilities: [capability],
      ...extra,
    },
  });
/** Probe claims ask for VOICE, the block-filling ones for SMS: a probe that slipped through shows. */
const probes = { 'number-capability': ['VOICE'] };

describeEachTransport('cool-down of released numbers', (harness) => {
  /**
   * `default` claims one GB number (`kind` its product type), waits the minute it is
   * PENDING, releases it, and lets 7 days pass (a Chime number leaves the deletion queue
   * then; one without a productType was released for good at the call). Then `claimer`
   * takes every other number of the block. Returns the released number.
   */
  async function releaseOneAndTakeTheRest(kind: Record<string, unknown>): Promise<{
    releaser: SimulatorClient;
    claimer: SimulatorClient;
    released: string;
  }> {
    const releaser = harness().client;
    const claimer = await harness().newAccount('claimer', GB_BLOCK_SIZE);
    const number = await claimGbLongCode(releaser, 'SMS', kind);
    await advance(releaser, '1m');
    await releaser.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(releaser, '7d');
    expect(await allNumbers(releaser)).toEqual([]);
    // Claims in parallel batches: each claim is still one atomic choose-and-claim step.
    const claimed: PhoneNumber[] = [];
    for (let left = GB_BLOCK_SIZE - 1; left > 0; left -= BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, left) }, () => claimGbLongCode(claimer));
      claimed.push(...(await Promise.all(batch)));
    }
    const taken = new Set(claimed.map((n) => n.phoneNumber));
    expect(taken.size).toBe(GB_BLOCK_SIZE - 1);
    expect(taken.has(number.phoneNumber)).toBe(false);
    return { releaser, claimer, released: number.phoneNumber };
  }

  /** A probe claim fails because the block is exhausted, and adds nothing to any account. */
  async function expectBlockExhausted(
    claimant: SimulatorClient,
    observed: SimulatorClient[],
  ): Promise<void> {
    for (const client of observed) expect(await numberIds(client, probes)).toEqual([]);
    const failure = await failureOf(claimGbLongCode(claimant, 'VOICE'));
    expect(failure.code).toBe('ConflictException');
    expect(failure.message).toContain('no LONG_CODE numbers are left in GB');
    for (const client of observed) expect(await numberIds(client, probes)).toEqual([]);
  }

  it.each([
    { kind: 'released for good at once (no productType)', extra: {} },
    { kind: 'queued for 7 days (a Chime productType)', extra: { productType: 'VoiceConnector' } },
  ])(
    'a released number ($kind) is offered to nobody until 180 days after the release call, then to others but never to its releaser',
    async ({ extra }) => {
      const { releaser, claimer, released } = await releaseOneAndTakeTheRest(extra);
      // The only number left is cooling down, so the block is exhausted for everyone.
      await expectBlockExhausted(claimer, [claimer]);
      await expectBlockExhausted(releaser, [releaser, claimer]);
      // Released on day 0 (a Chime number left the queue on day 7): cooling down until day 180
      // (Connect: the release call puts the number in a cool down period for up to 180 days).
      await advance(claimer, 173 * DAY - SECOND);
      await expectBlockExhausted(claimer, [claimer]);
      await advance(claimer, SECOND);
      // The cool-down is over, but its releaser may never have the number back.
      await expectBlockExhausted(releaser, [releaser, claimer]);
      const reclaimed = await claimGbLongCode(claimer, 'VOICE');
      expect(reclaimed.phoneNumber).toBe(released);
      expect(await numberIds(claimer, probes)).toEqual([reclaimed.phoneNumberId]);
    },
  );
});

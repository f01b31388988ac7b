import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type { PhoneNumber } from '../../../provider/api/objects';
import { DEFAULT_API_KEY } from '../../../provider/api/default-keys';
import { describeEachTransport, failureOf } from '../harness';
import {
  DAY,
  HOUR,
  MINUTE,
  claimSimulatorNumber,
  clockNow,
  describeNumber,
  numberIds,
} from './support';

/** A Chime number: its release waits in the deletion queue for 7 days. */
const CHIME = { productType: 'VoiceConnector' };

const advanceBy = (client: SimulatorClient, by: string) =>
  client.admin('ChangeClock', { body: { action: 'advance', by } });

/** One thing falling due at each of 1 minute, 1 day, 2 days, 3 days and 7 days from now. */
async function dueThings(client: SimulatorClient): Promise<Record<string, PhoneNumber>> {
  const longCode = await client.call('CreatePhoneNumber', {
    body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
  }); // activates at 1m
  await client.admin('AddFault', {
    body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
  });
  const failed = await claimSimulatorNumber(client); // hold lapses at 1d
  const tenDlc = await client.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'US',
      numberType: 'TEN_DLC',
      numberCapabilities: ['SMS'],
      registrationId: 'reg-0001',
    },
  }); // activates at 2d
  const tollFree = await client.call('CreatePhoneNumber', {
    body: { isoCountryCode: 'US', numberType: 'TOLL_FREE', numberCapabilities: ['VOICE'] },
  }); // activates at 3d
  const queued = await claimSimulatorNumber(client, CHIME);
  await client.call('ReleasePhoneNumber', { id: queued.phoneNumberId }); // purged at 7d
  return { longCode, failed, tenDlc, tollFree, queued };
}

async function statuses(
  client: SimulatorClient,
  numbers: Record<string, PhoneNumber>,
): Promise<Record<string, string>> {
  const present = new Set(await numberIds(client));
  const result: Record<string, string> = {};
  for (const [name, number] of Object.entries(numbers)) {
    result[name] = present.has(number.phoneNumberId)
      ? (await describeNumber(client, number.phoneNumberId)).status
      : 'gone';
  }
  return result;
}

describeEachTransport('virtual clock', (harness) => {
  it('a frozen clock does not move while real time passes and calls are made', async () => {
    const { client } = harness();
    const clock = await client.admin('GetClock');
    expect(clock.mode).toBe('frozen');
    const realStart = Date.now();
    for (let i = 0; i < 5; i++) await claimSimulatorNumber(client);
    // Busy with real calls, not asleep, until the real clock has visibly moved.
    while (Date.now() - realStart < 20) {
      expect(await client.admin('GetClock')).toEqual(clock);
    }
    expect(await client.admin('GetClock')).toEqual(clock);
    const numbers = await client.call('ListPhoneNumbers');
    expect(new Set(numbers.items.map((n) => n.createdTimestamp))).toEqual(new Set([clock.now]));
  });

  it('advancing moves the clock by exactly the duration and keeps it frozen', async () => {
    const { client } = harness();
    const before = await clockNow(client);
    const changed = await advanceBy(client, '1d12h30m');
    expect(changed.now).toBe(new Date(before + DAY + 12 * HOUR + 30 * MINUTE).toISOString());
    expect(changed.mode).toBe('frozen');
    expect(await clockNow(client)).toBe(before + DAY + 12 * HOUR + 30 * MINUTE);
  });

  it('nothing falls due before its time', async () => {
    const { client } = harness();
    const numbers = await dueThings(client);
    const changed = await advanceBy(client, '59s');
    expect(changed.eventsRun).toBe(0);
    expect(await statuses(client, numbers)).toEqual({
      longCode: 'PENDING',
      failed: 'FAILED',
      tenDlc: 'PENDING',
      tollFree: 'PENDING',
      queued: 'DELETION_QUEUED',
    });
  });

  it('advancing runs what fell due and only that: numbers activate, a failed claim lapses', async () => {
    const { client } = harness();
    const numbers = await dueThings(client);
    const changed = await advanceBy(client, '2d');
    expect(changed.eventsRun).toBe(3);
    expect(await statuses(client, numbers)).toEqual({
      longCode: 'ACTIVE',
      failed: 'gone',
      tenDlc: 'ACTIVE',
      tollFree: 'PENDING',
      queued: 'DELETION_QUEUED',
    });
  });

  it('one long advance runs everything that fell due', async () => {
    const { client } = harness();
    const numbers = await dueThings(client);
    const changed = await advanceBy(client, '30d');
    expect(changed.eventsRun).toBe(5);
    expect(await statuses(client, numbers)).toEqual({
      longCode: 'ACTIVE',
      failed: 'gone',
      tenDlc: 'ACTIVE',
      tollFree: 'ACTIVE',
      queued: 'gone',
    });
  });

  it('one long advance applies each due thing at its own due time, in order', async () => {
    // Quota 2, so claims plus releases in 180 days are capped at 4.
    const small = await harness().newAccount('small', 2);
    const a = await claimSimulatorNumber(small, CHIME); // day 0
    const b = await claimSimulatorNumber(small, CHIME); // day 0
    await small.call('ReleasePhoneNumber', { id: a.phoneNumberId });
    await small.call('ReleasePhoneNumber', { id: b.phoneNumberId });
    // Both purges fall due on day 7 and so count as releases on day 7, not on day 187 when
    // this one advance ends; by day 187 they have left the 180-day window with the claims.
    await advanceBy(small, '187d');
    const c = await claimSimulatorNumber(small, CHIME); // 1
    await claimSimulatorNumber(small, CHIME); // 2
    await small.call('ReleasePhoneNumber', { id: c.phoneNumberId });
    await advanceBy(small, '7d'); // 3
    const last = await claimSimulatorNumber(small, CHIME); // 4: allowed only if day 7 was day 7
    expect(last.status).toBe('ACTIVE');
  });

  it('setting the clock forward runs what fell due', async () => {
    const { client } = harness();
    const numbers = await dueThings(client);
    const to = new Date((await clockNow(client)) + 3 * DAY).toISOString();
    const changed = await client.admin('ChangeClock', { body: { action: 'set', to } });
    expect(changed.now).toBe(to);
    expect((await statuses(client, numbers)).tollFree).toBe('ACTIVE');
  });

  it('fails when the clock is set backwards; it keeps its time', async () => {
    const { client } = harness();
    const before = await client.admin('GetClock');
    const to = new Date(Date.parse(before.now) - HOUR).toISOString();
    const failure = await failureOf(client.admin('ChangeClock', { body: { action: 'set', to } }));
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain('the clock never runs backwards');
    expect(await client.admin('GetClock')).toEqual(before);
  });

  it('any account reads the clock with its API key alone (DescribeClock), as GetClock shows it', async () => {
    const { client, clientWith } = harness();
    const accountOnly = clientWith({ apiKey: DEFAULT_API_KEY });
    expect(await accountOnly.call('DescribeClock')).toEqual(await client.admin('GetClock'));
    const other = await harness().newAccount('other');
    await advanceBy(client, '36h');
    await client.admin('ChangeClock', { body: { action: 'scale', scale: 60 } });
    const view = await client.admin('GetClock');
    expect(view).toMatchObject({ mode: 'frozen', scale: 60 });
    expect(await other.call('DescribeClock')).toEqual(view);
    expect(await accountOnly.call('DescribeClock')).toEqual(view);
  });

  it('DescribeClock is refused without an API key, and moves nothing', async () => {
    const { client, clientWith } = harness();
    const before = await client.admin('GetClock');
    const failure = await failureOf(clientWith({}).call('DescribeClock'));
    expect(failure.code).toBe('AccessDeniedException');
    expect(failure.message).toContain('no API key was sent');
    expect(await client.admin('GetClock')).toEqual(before);
  });

  it('fails when an advance is not a duration; the clock keeps its time', async () => {
    const { client } = harness();
    const before = await client.admin('GetClock');
    const failure = await failureOf(advanceBy(client, 'a week'));
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain('duration "a week" is not valid');
    expect(await client.admin('GetClock')).toEqual(before);
  });

  it('keeps to 9000-01-01: past it a set or an advance is refused with the range, and next to it claims, releases and exports work', async () => {
    const { client } = harness();
    const latest = '9000-01-01T00:00:00.000Z';
    const set = (to: string) => client.admin('ChangeClock', { body: { action: 'set', to } });
    const past = await failureOf(set('9000-01-01T00:00:00.001Z'));
    expect(past.code).toBe('ValidationException');
    expect(past.message).toContain(`is past ${latest}, the latest time the clock keeps`);

    await set('8999-12-31T00:00:00.000Z');
    const beyond = await failureOf(advanceBy(client, '2d'));
    expect(beyond.message).toContain(
      `would take the clock past ${latest}, the latest time it keeps (it is 8999-12-31T00:00:00.000Z); advance by at most 86400000ms`,
    );
    const number = await claimSimulatorNumber(client, CHIME);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('DELETION_QUEUED');
    await advanceBy(client, '1d');
    expect((await client.admin('GetClock')).now).toBe(latest);
    const exported = await client.admin('ExportState');
    await client.admin('ResetState');
    expect((await client.admin('ImportState', { body: exported })).rows).toBeGreaterThan(0);
    expect((await describeNumber(client, number.phoneNumberId)).status).toBe('DELETION_QUEUED');
  });
});

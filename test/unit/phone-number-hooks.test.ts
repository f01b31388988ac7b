import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import * as hooks from '../../provider/resources/hooks/phone-number-hooks';
import { UNKNOWN } from '../../provider/resources/hooks/unknowns';
import { CANCEL_FILE_VARIABLE } from '../../provider/resources/hooks/run-cancellation';
import { startHookBackend, type HookBackend } from './hook-backend';

const declared = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['VOICE', 'SMS'],
  resourceKey: 'proj/dev/line',
};

/** A Chime number: released, it waits in the deletion queue, restorable for 7 days. */
const chime = { ...declared, productType: 'VoiceConnector' };

const DAY = 86_400_000;

/** What a failed create or update throws: the kept-in-state error carries the number. */
interface KeptInState {
  message: string;
  id?: string;
  properties?: Record<string, unknown>;
}

async function failureOf(work: Promise<unknown>): Promise<KeptInState> {
  return work.then(
    () => {
      throw new Error('expected a failure, but it succeeded');
    },
    (error: unknown) => error as KeptInState,
  );
}

/** Records the backend operations and the sleeps (setTimeout delays) from here on. */
function observe(): { operations(): string[]; sleeps(): number[] } {
  const calls = jest.spyOn(EmbeddedClient.prototype, 'call');
  const timers = jest.spyOn(globalThis, 'setTimeout');
  return {
    operations: () => calls.mock.calls.map(([operation]) => operation),
    sleeps: () => timers.mock.calls.map(([, delay]) => Number(delay)),
  };
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await hooks.check({}, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

describe('PhoneNumber hooks', () => {
  let backend: HookBackend;

  beforeEach(async () => {
    backend = await startHookBackend();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await backend.close();
  });

  describe('check', () => {
    it('fills defaults and sorts capabilities', async () => {
      expect(await checked(declared)).toMatchObject({
        numberCapabilities: ['SMS', 'VOICE'],
        deletionProtectionEnabled: false,
        optOutListName: 'Default',
        selfManagedOptOutsEnabled: false,
        twoWayEnabled: false,
        messageType: 'TRANSACTIONAL',
        waitForActive: true,
      });
    });

    it('fails with one failure per bad property, each naming the value and the fix', async () => {
      const result = await hooks.check(
        {},
        {
          ...declared,
          isoCountryCode: 'usa',
          numberType: 'FAX',
          numberCapabilities: [],
          colour: 'blue',
        },
      );
      expect(result.failures).toEqual([
        {
          property: 'colour',
          reason: expect.stringContaining('PhoneNumber has no property "colour"; remove it'),
        },
        {
          property: 'isoCountryCode',
          reason: expect.stringContaining(
            'must be an ISO 3166-1 alpha-2 code in capitals, e.g. US; got "usa"',
          ),
        },
        {
          property: 'numberType',
          reason: expect.stringContaining(
            'numberType must be one of LONG_CODE, TOLL_FREE, TEN_DLC, SHORT_CODE, SIMULATOR; got "FAX"',
          ),
        },
        {
          property: 'numberCapabilities',
          reason: expect.stringContaining('must name at least one of SMS, VOICE, MMS; got []'),
        },
      ]);
    });

    it('an unknown property close to a real one gets "did you mean", and resourceKey is never offered', async () => {
      const { failures } = await hooks.check({}, { ...declared, areCode: '206' });
      expect(failures).toHaveLength(1);
      expect(failures[0]?.reason).toMatch(
        /^PhoneNumber has no property "areCode"; did you mean areaCode\? \(properties: isoCountryCode, /,
      );
      expect(failures[0]?.reason).not.toContain('resourceKey');
    });

    it('fails on rules across properties: two-way, 10DLC, toll-free, assignment', async () => {
      const failures = async (news: Record<string, unknown>) =>
        (await hooks.check({}, { ...declared, ...news })).failures.map((f) => f.property);
      expect(await failures({ twoWayEnabled: true })).toEqual(['twoWayChannelArn']);
      expect(await failures({ numberType: 'TEN_DLC' })).toEqual(['registrationId']);
      expect(await failures({ numberType: 'TOLL_FREE', productType: 'BusinessCalling' })).toEqual([
        'productType',
      ]);
      expect(
        await failures({
          voiceConnectorId: 'a',
          voiceConnectorGroupId: 'b',
          productType: 'VoiceConnector',
        }),
      ).toEqual(['voiceConnectorGroupId']);
      expect(await failures({ voiceConnectorId: 'a' })).toEqual(['productType']);
    });

    it('takes an opt-out list by ARN and a number to adopt by ARN; fails on anything else naming the fix', async () => {
      const arn = 'arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/marketing';
      const numberArn = `arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-${'a'.repeat(32)}`;
      await checked({ ...declared, optOutListName: arn, adoptExistingId: numberArn });
      const result = await hooks.check(
        {},
        {
          ...declared,
          optOutListName: 'arn:aws:sns:us-east-1:123456789012:marketing',
          adoptExistingId: 'arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/x',
        },
      );
      expect(result.failures).toEqual([
        {
          property: 'optOutListName',
          reason: expect.stringContaining(
            'or its ARN, arn:aws:sms-voice:REGION:ACCOUNT:opt-out-list/NAME',
          ),
        },
        {
          property: 'adoptExistingId',
          reason: expect.stringContaining('is not a phoneNumberId or a phone number ARN'),
        },
      ]);
    });

    it('passes values the engine does not know yet', async () => {
      const result = await hooks.check(
        {},
        { ...declared, productType: 'VoiceConnector', voiceConnectorGroupId: UNKNOWN },
      );
      expect(result.failures).toEqual([]);
    });
  });

  describe('diff', () => {
    it('replaces on country, type, capabilities and a declared area code; updates the rest in place', async () => {
      const olds = { ...(await checked(declared)), areaCode: '206' };
      expect(await hooks.diff('id', olds, await checked(declared))).toEqual({
        changes: false,
        replaces: [],
      });
      expect(
        await hooks.diff(
          'id',
          olds,
          await checked({ ...declared, numberCapabilities: ['SMS', 'VOICE'] }),
        ),
      ).toEqual({
        changes: false,
        replaces: [],
      });
      expect(
        await hooks.diff(
          'id',
          olds,
          await checked({ ...declared, isoCountryCode: 'CA', numberType: 'LONG_CODE' }),
        ),
      ).toEqual({
        changes: true,
        replaces: ['isoCountryCode', 'numberType'],
        deleteBeforeReplace: true,
      });
      expect(
        await hooks.diff('id', olds, await checked({ ...declared, areaCode: '212' })),
      ).toMatchObject({
        replaces: ['areaCode'],
      });
      expect(
        await hooks.diff(
          'id',
          olds,
          await checked({ ...declared, deletionProtectionEnabled: true }),
        ),
      ).toEqual({
        changes: true,
        replaces: [],
      });
    });

    it('treats an unknown value as a change', async () => {
      const olds = await checked(declared);
      expect(await hooks.diff('id', olds, { ...olds, tags: UNKNOWN })).toEqual({
        changes: true,
        replaces: [],
      });
    });
  });

  describe('create, read, update, delete', () => {
    it('creates an ACTIVE number and reads it back with the declared inputs', async () => {
      const inputs = await checked(declared);
      const made = await hooks.create(inputs);
      expect(made.outs).toMatchObject({
        status: 'ACTIVE',
        phoneNumberId: made.id,
        isoCountryCode: 'US',
      });
      const read = await hooks.read(made.id, made.outs);
      expect(read.id).toBe(made.id);
      expect(await hooks.diff(made.id, read.props ?? {}, inputs)).toEqual({
        changes: false,
        replaces: [],
      });
      expect(read.inputs).not.toHaveProperty('areaCode');
    });

    it('an opt-out list declared by ARN is held by name and is no change; another list is', async () => {
      const list = await backend.client.call('CreateOptOutList', {
        body: { optOutListName: 'marketing' },
      });
      const inputs = await checked({ ...declared, optOutListName: list.arn });
      const made = await hooks.create(inputs);
      expect(made.outs.optOutListName).toBe('marketing');
      const read = await hooks.read(made.id, made.outs);
      expect(await hooks.diff(made.id, read.props ?? {}, inputs)).toEqual({
        changes: false,
        replaces: [],
      });
      expect(
        await hooks.diff(
          made.id,
          read.props ?? {},
          await checked({ ...declared, optOutListName: 'Default' }),
        ),
      ).toEqual({ changes: true, replaces: [] });
    });

    it('adopts a number named by its ARN; the resource id is its phoneNumberId', async () => {
      const existing = await backend.client.call('CreatePhoneNumber', {
        body: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['SMS', 'VOICE'],
        },
      });
      const made = await hooks.create(
        await checked({ ...declared, adoptExistingId: existing.arn }),
      );
      expect(made.id).toBe(existing.phoneNumberId);
      expect((await backend.client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
    });

    it('a repeated create (after a crash) adopts the number the first made', async () => {
      const inputs = await checked(declared);
      const first = await hooks.create(inputs);
      const second = await hooks.create(inputs);
      expect(second.id).toBe(first.id);
      expect((await backend.client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
    });

    it('waits for ACTIVE unless waitForActive is false', async () => {
      await backend.client.admin('UpdateSettings', {
        body: { provisioningDelays: { LONG_CODE: 0 } },
      });
      const active = await hooks.create(await checked({ ...declared, numberType: 'LONG_CODE' }));
      expect(active.outs.status).toBe('ACTIVE');
      await backend.client.admin('UpdateSettings', {
        body: { provisioningDelays: { LONG_CODE: '1d' } },
      });
      const pending = await hooks.create(
        await checked({
          ...declared,
          numberType: 'LONG_CODE',
          waitForActive: false,
          resourceKey: 'proj/dev/other',
        }),
      );
      expect(pending.outs.status).toBe('PENDING');
    });

    it('retries a FAILED claim and succeeds when the carrier confirms', async () => {
      await backend.client.admin('AddFault', {
        body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
      });
      const made = await hooks.create(await checked(declared));
      expect(made.outs).toMatchObject({ status: 'ACTIVE' });
    });

    it('a FAILED claim is retried before the number takes its declared settings', async () => {
      await backend.client.admin('AddFault', {
        body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
      });
      const made = await hooks.create(
        await checked({ ...declared, tags: { team: 'voice' }, deletionProtectionEnabled: true }),
      );
      expect(made.outs).toMatchObject({
        status: 'ACTIVE',
        tags: { team: 'voice' },
        deletionProtectionEnabled: true,
      });
    });

    it('a retried claim whose answer was lost (connection reset after commit) counts as retried', async () => {
      await backend.client.admin('AddFault', {
        body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
      });
      await backend.client.admin('AddFault', {
        body: { operation: 'RetryClaimPhoneNumber', kind: 'reset', nth: 1 },
      });
      const made = await hooks.create(await checked(declared));
      expect(made.outs).toMatchObject({ status: 'ACTIVE' });
    });

    it('a Chime number released out of band reads as gone; create takes the same number back from the deletion queue', async () => {
      const inputs = await checked(chime);
      const made = await hooks.create(inputs);
      await backend.client.call('ReleasePhoneNumber', { id: made.id });
      expect(await hooks.read(made.id, made.outs)).toEqual({});
      const again = await hooks.create(inputs);
      expect(again.outs.phoneNumber).toBe(made.outs.phoneNumber);
      expect(again.outs.status).toBe('ACTIVE');
    });

    it('takes a released number back when the restore’s answer was lost (connection reset after commit)', async () => {
      const inputs = await checked(chime);
      const made = await hooks.create(inputs);
      await backend.client.call('ReleasePhoneNumber', { id: made.id });
      await backend.client.admin('AddFault', {
        body: { operation: 'RestorePhoneNumber', kind: 'reset', nth: 1 },
      });
      const again = await hooks.create(inputs);
      expect(again.outs).toMatchObject({ phoneNumber: made.outs.phoneNumber, status: 'ACTIVE' });
    });

    it('a number without a productType released out of band reads as gone; create claims a new one, since Pinpoint cannot give it back (001 L280)', async () => {
      const inputs = await checked(declared);
      const made = await hooks.create(inputs);
      await backend.client.call('ReleasePhoneNumber', { id: made.id });
      expect(await hooks.read(made.id, made.outs)).toEqual({});
      const again = await hooks.create(inputs);
      expect(again.id).not.toBe(made.id);
      expect(again.outs.phoneNumber).not.toBe(made.outs.phoneNumber);
      expect(again.outs.status).toBe('ACTIVE');
    });

    it('a replace of a number without a productType says at preview that the number goes for good; a Chime number’s does not', async () => {
      const said = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const made = await hooks.create(await checked(declared));
      const news = await checked({ ...declared, numberCapabilities: ['SMS'] });
      expect((await hooks.diff(made.id, made.outs, news)).replaces).toEqual(['numberCapabilities']);
      expect(said.mock.calls.map(([line]) => String(line))).toEqual([
        `numberplane: replacing phone number ${String(made.outs.phoneNumber)} (${made.id}) releases it for good: a number without a productType cannot be restored, so its replacement is a new number. Give it productType VoiceConnector to keep numbers restorable from the deletion queue\n`,
      ]);
      said.mockClear();
      const kept = await hooks.create(await checked(chime));
      await hooks.diff(
        kept.id,
        kept.outs,
        await checked({ ...chime, numberCapabilities: ['SMS'] }),
      );
      expect(said).not.toHaveBeenCalled();
    });

    it('updates settings in place and assigns to a connector', async () => {
      const connector = await backend.client.call('CreateVoiceConnector', {
        body: { name: 'east', awsRegion: 'us-east-1' },
      });
      const inputs = await checked({ ...declared, productType: 'VoiceConnector' });
      const made = await hooks.create(inputs);
      const news = await checked({
        ...declared,
        productType: 'VoiceConnector',
        voiceConnectorId: connector.voiceConnectorId,
        deletionProtectionEnabled: true,
        tags: { team: 'ops' },
      });
      const updated = await hooks.update(made.id, made.outs, news);
      expect(updated.outs).toMatchObject({
        voiceConnectorId: connector.voiceConnectorId,
        deletionProtectionEnabled: true,
        tags: { team: 'ops' },
      });
    });

    it('adopts an existing number by id, and fails to adopt one of another country', async () => {
      const existing = await backend.client.call('CreatePhoneNumber', {
        body: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['VOICE', 'SMS'],
        },
      });
      const adopted = await hooks.create(
        await checked({ ...declared, adoptExistingId: existing.phoneNumberId }),
      );
      expect(adopted.id).toBe(existing.phoneNumberId);
      await expect(
        hooks.create(
          await checked({
            ...declared,
            isoCountryCode: 'GB',
            numberType: 'LONG_CODE',
            adoptExistingId: existing.phoneNumberId,
          }),
        ),
      ).rejects.toThrow(
        /cannot adopt phone number .*: isoCountryCode is "US", declared "GB"; numberType is "SIMULATOR", declared "LONG_CODE"\. A change to these properties replaces it/,
      );
    });

    it('never releases a protected number: the error names it and how to lift the protection', async () => {
      const made = await hooks.create(
        await checked({ ...declared, deletionProtectionEnabled: true }),
      );
      await expect(hooks.remove(made.id)).rejects.toThrow(
        `phone number ${String(made.outs.phoneNumber)} (${made.id}) has deletion protection enabled and was not released. To release it, set deletionProtectionEnabled: false on this resource and apply that alone with pulumi up --target URN (pulumi stack --show-urns lists them; a plain pulumi up would re-create what this destroy already released), then destroy again. To have destroy refuse before it releases anything, give the resource protect: true too`,
      );
      expect(await backend.client.call('DescribePhoneNumber', { id: made.id })).toMatchObject({
        status: 'ACTIVE',
      });
    });

    it('moves a number to the Default list before releasing, so its own list can be deleted', async () => {
      await backend.client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
      const made = await hooks.create(await checked({ ...chime, optOutListName: 'marketing' }));
      await hooks.remove(made.id);
      expect(await backend.client.call('DescribePhoneNumber', { id: made.id })).toMatchObject({
        status: 'DELETION_QUEUED',
        optOutListName: 'Default',
      });
      await expect(
        backend.client.call('DeleteOptOutList', { id: 'marketing' }),
      ).resolves.toMatchObject({
        optOutListName: 'marketing',
      });
    });

    it('unassigns before releasing, and treats an already released or vanished number as deleted', async () => {
      const connector = await backend.client.call('CreateVoiceConnector', {
        body: { name: 'east', awsRegion: 'us-east-1' },
      });
      const made = await hooks.create(
        await checked({
          ...declared,
          productType: 'VoiceConnector',
          voiceConnectorId: connector.voiceConnectorId,
        }),
      );
      await hooks.remove(made.id);
      expect(await backend.client.call('DescribePhoneNumber', { id: made.id })).toMatchObject({
        status: 'DELETION_QUEUED',
        voiceConnectorId: null,
      });
      await expect(hooks.remove(made.id)).resolves.toBeUndefined();
      await expect(hooks.remove('phone-00000000000000000000000000000000')).resolves.toBeUndefined();
    });
  });
  describe('waiting for ACTIVE', () => {
    const tollFree = { ...declared, numberType: 'TOLL_FREE', numberCapabilities: ['VOICE'] };

    /** The simulator's clock follows real time again, `scale` virtual ms per real ms. */
    async function runClock(scale = 1): Promise<void> {
      await backend.client.admin('ChangeClock', { body: { action: 'resume' } });
      await backend.client.admin('ChangeClock', { body: { action: 'scale', scale } });
    }

    it('create fails at once when the backend expects ACTIVE beyond the wait, and keeps the number', async () => {
      await runClock();
      const seen = observe();
      const error = await failureOf(hooks.create(await checked(tollFree)));
      expect(seen.operations()).toEqual(['CreatePhoneNumber', 'ClaimOwnership', 'DescribeClock']);
      expect(seen.sleeps()).toEqual([]);
      const number = await backend.client.call('DescribePhoneNumber', { id: String(error.id) });
      expect(number.status).toBe('PENDING');
      expect(error.message).toBe(
        `phone number ${number.phoneNumber} (${number.phoneNumberId}) is PENDING and will not be ACTIVE within the wait of 600s (NUMBERPLANE_ACTIVE_TIMEOUT): the backend expects it ACTIVE at ${String(number.activeAt)}, 3d from now on the simulator's clock, which runs at 1x real time. It is kept in the stack: move the clock with \`npx numberplane clock advance 3d --endpoint ${backend.endpoint}\` and run pulumi up again, or run pulumi up again later, or set waitForActive: false for numbers whose registration takes days`,
      );
      expect(error.properties).toMatchObject({
        phoneNumberId: number.phoneNumberId,
        phoneNumber: number.phoneNumber,
        numberType: 'TOLL_FREE',
        status: 'PENDING',
        resourceKey: declared.resourceKey,
      });
    });

    it('update fails at once when the number is still PENDING beyond the wait, and keeps it', async () => {
      await runClock();
      const made = await hooks.create(await checked({ ...tollFree, waitForActive: false }));
      expect(made.outs.status).toBe('PENDING');
      const seen = observe();
      const error = await failureOf(
        hooks.update(made.id, made.outs, await checked({ ...tollFree, tags: { team: 'ops' } })),
      );
      expect(seen.operations()).toEqual([
        'DescribePhoneNumber',
        'UpdatePhoneNumber',
        'DescribeClock',
      ]);
      expect(seen.sleeps()).toEqual([]);
      expect(error.message).toContain(
        `phone number ${String(made.outs.phoneNumber)} (${made.id}) is PENDING and will not be ACTIVE within the wait of 600s`,
      );
      expect(error.message).toContain(
        `\`npx numberplane clock advance 3d --endpoint ${backend.endpoint}\``,
      );
      expect(error.id).toBe(made.id);
      expect(error.properties).toMatchObject({ status: 'PENDING', tags: { team: 'ops' } });
    });

    it('fails at once when ACTIVE lies beyond NUMBERPLANE_ACTIVE_TIMEOUT, even a minute away', async () => {
      await runClock();
      process.env.NUMBERPLANE_ACTIVE_TIMEOUT = '30';
      try {
        const seen = observe();
        const error = await failureOf(
          hooks.create(await checked({ ...declared, numberType: 'LONG_CODE' })),
        );
        expect(seen.operations()).toEqual(['CreatePhoneNumber', 'ClaimOwnership', 'DescribeClock']);
        expect(error.message).toMatch(
          /is PENDING and will not be ACTIVE within the wait of 30s \(NUMBERPLANE_ACTIVE_TIMEOUT\): the backend expects it ACTIVE at \S+Z, 60s from now .*`npx numberplane clock advance 60s --endpoint file:\S+`/,
        );
        expect(error.id).toMatch(/^phone-/);
      } finally {
        delete process.env.NUMBERPLANE_ACTIVE_TIMEOUT;
      }
    });

    it('a frozen clock fails at once, however soon ACTIVE is due; the hinted advance activates it', async () => {
      // The backend's clock stays frozen (as the test backend starts): nothing falls due.
      const seen = observe();
      const error = await failureOf(
        hooks.create(await checked({ ...declared, numberType: 'LONG_CODE' })),
      );
      expect(seen.operations()).toEqual(['CreatePhoneNumber', 'ClaimOwnership', 'DescribeClock']);
      expect(seen.sleeps()).toEqual([]);
      expect(error.message).toContain("60s from now on the simulator's clock, which is frozen.");
      const hint = /`npx numberplane clock advance (\w+) --endpoint /.exec(error.message)?.[1];
      expect(hint).toBe('60s');
      await backend.client.admin('ChangeClock', { body: { action: 'advance', by: String(hint) } });
      expect(
        await backend.client.call('DescribePhoneNumber', { id: String(error.id) }),
      ).toMatchObject({ status: 'ACTIVE' });
    });

    it('a scaled clock: waits for a number due in 3 virtual days and succeeds', async () => {
      await runClock(1_000_000); // 3 days pass in 259 ms
      const seen = observe();
      const made = await hooks.create(await checked(tollFree));
      expect(made.outs.status).toBe('ACTIVE');
      expect(seen.operations()).toContain('DescribePhoneNumber');
      for (const ms of seen.sleeps()) expect(ms).toBeLessThanOrEqual((3 * DAY) / 1_000_000 + 1);
    });

    it('a long wait says what it waits for, and stops within a second of its run being cancelled', async () => {
      await runClock(72); // 3 virtual days: an hour
      const dir = mkdtempSync(join(tmpdir(), 'numberplane-cancel-'));
      const said = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      Object.assign(process.env, {
        NUMBERPLANE_ACTIVE_TIMEOUT: '7200',
        [CANCEL_FILE_VARIABLE]: join(dir, 'cancelled'),
      });
      try {
        const waiting = failureOf(hooks.create(await checked(tollFree)));
        // Cancel once the wait has said it waits (the CI command makes the file on Ctrl-C).
        await new Promise<void>((resolve) => {
          said.mockImplementation((text) => {
            if (String(text).includes('numberplane: waiting for phone number')) resolve();
            return true;
          });
        });
        writeFileSync(join(dir, 'cancelled'), '');
        const error = await waiting;
        const number = await backend.client.call('DescribePhoneNumber', { id: String(error.id) });
        expect(number.status).toBe('PENDING');
        expect(error.message).toBe(
          `the wait for phone number ${number.phoneNumber} (${number.phoneNumberId}) to become ACTIVE was cancelled with the run. It is kept in the stack, PENDING (expected ACTIVE at ${String(number.activeAt)}): run the command again`,
        );
        expect(String(said.mock.calls[0]?.[0])).toMatch(
          /^numberplane: waiting for phone number \+1\d{10} \(phone-\w+\) to become ACTIVE, expected at \S+Z \(about 360\ds from now at the simulator's clock at 72x real time; the wait ends after 7200s, NUMBERPLANE_ACTIVE_TIMEOUT\)\n$/,
        );
      } finally {
        delete process.env.NUMBERPLANE_ACTIVE_TIMEOUT;
        delete process.env[CANCEL_FILE_VARIABLE];
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('never sleeps past the time the backend expects ACTIVE, even within the first backoff', async () => {
      await runClock(1000); // LONG_CODE's 1 minute is 60 ms
      const seen = observe();
      const made = await hooks.create(await checked({ ...declared, numberType: 'LONG_CODE' }));
      expect(made.outs.status).toBe('ACTIVE');
      const sleeps = seen.sleeps();
      expect(sleeps.length).toBeGreaterThan(0);
      for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(60);
    });

    // Chime 000 L29: numbers are assigned once they are in the Inventory, never while PENDING.
    it('a toll-free number declared on a group is assigned once ACTIVE, after the wait', async () => {
      await runClock(1_000_000); // 3 days pass in 259 ms
      const group = await backend.client.call('CreateVoiceConnectorGroup', {
        body: { name: 'main', connectors: [] },
      });
      const made = await hooks.create(
        await checked({
          ...tollFree,
          productType: 'VoiceConnector',
          voiceConnectorGroupId: group.voiceConnectorGroupId,
        }),
      );
      expect(made.outs).toMatchObject({
        status: 'ACTIVE',
        voiceConnectorGroupId: group.voiceConnectorGroupId,
      });
    });

    it('with waitForActive false, a PENDING number stays unassigned and says so; an update after it is ACTIVE assigns it', async () => {
      const said = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const connector = await backend.client.call('CreateVoiceConnector', {
        body: { name: 'east', awsRegion: 'us-east-1' },
      });
      const inputs = await checked({
        ...tollFree,
        productType: 'VoiceConnector',
        voiceConnectorId: connector.voiceConnectorId,
        waitForActive: false,
      });
      const made = await hooks.create(inputs);
      expect(made.outs).toMatchObject({ status: 'PENDING', productType: 'VoiceConnector' });
      expect(made.outs.voiceConnectorId).toBeUndefined();
      const pending = await backend.client.call('DescribePhoneNumber', { id: made.id });
      expect(String(said.mock.calls.at(-1)?.[0])).toBe(
        `numberplane: phone number ${String(made.outs.phoneNumber)} (${made.id}) is PENDING until ${String(pending.activeAt)} and is not assigned yet (only ACTIVE numbers are); the first pulumi up after that assigns it\n`,
      );
      // The next preview shows the assignment still to make.
      expect(await hooks.diff(made.id, made.outs, inputs)).toMatchObject({ changes: true });
      const early = await hooks.update(made.id, made.outs, inputs);
      expect(early.outs.voiceConnectorId).toBeUndefined();
      await backend.client.admin('ChangeClock', { body: { action: 'advance', by: '3d' } });
      const assigned = await hooks.update(made.id, early.outs, inputs);
      expect(assigned.outs).toMatchObject({
        status: 'ACTIVE',
        voiceConnectorId: connector.voiceConnectorId,
      });
      expect(await hooks.diff(made.id, assigned.outs, inputs)).toMatchObject({ changes: false });
    });

    it('destroy of a PENDING number fails naming the clock advance and pulumi destroy, and keeps it; once ACTIVE it is released', async () => {
      // The backend's clock stays frozen: the 1 minute never passes on its own.
      const made = await hooks.create(
        await checked({ ...declared, numberType: 'LONG_CODE', waitForActive: false }),
      );
      const error = await failureOf(hooks.remove(made.id, made.outs));
      expect(error.message).toContain(
        `\`npx numberplane clock advance 60s --endpoint ${backend.endpoint}\` and run pulumi destroy again, or run pulumi destroy again later (only ACTIVE numbers are released)`,
      );
      expect(await backend.client.call('DescribePhoneNumber', { id: made.id })).toMatchObject({
        status: 'PENDING',
      });
      await backend.client.admin('ChangeClock', { body: { action: 'advance', by: '60s' } });
      await hooks.remove(made.id, made.outs);
      expect(await hooks.read(made.id, made.outs)).toEqual({});
    });
  });
});

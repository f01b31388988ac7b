import * as hooks from '../../provider/resources/hooks/phone-number-hooks';
import { UNKNOWN } from '../../provider/resources/hooks/unknowns';
import { startHookBackend, type HookBackend } from './hook-backend';

const declared = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['VOICE', 'SMS'],
  resourceKey: 'proj/dev/line',
};

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
        await hooks.diff('id', olds, await checked({ ...declared, isoCountryCode: 'CA' })),
      ).toEqual({
        changes: true,
        replaces: ['isoCountryCode'],
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

    it('fails when a number stays PENDING past the timeout, keeping the number in state', async () => {
      await backend.client.admin('UpdateSettings', {
        body: { provisioningDelays: { LONG_CODE: '1d' } },
      });
      process.env.NUMBERPLANE_ACTIVE_TIMEOUT = '0.3';
      try {
        const error = await hooks
          .create(await checked({ ...declared, numberType: 'LONG_CODE' }))
          .then(
            () => undefined,
            (e: unknown) =>
              e as { message: string; id?: string; properties?: Record<string, unknown> },
          );
        expect(error?.message).toMatch(
          /is still PENDING after 0s; the backend expects it ACTIVE at .*set waitForActive: false/,
        );
        expect(error?.id).toMatch(/^phone-/);
        expect(error?.properties).toMatchObject({ status: 'PENDING' });
      } finally {
        delete process.env.NUMBERPLANE_ACTIVE_TIMEOUT;
      }
    });

    it('retries a FAILED claim and succeeds when the carrier confirms', async () => {
      await backend.client.admin('AddFault', {
        body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
      });
      const made = await hooks.create(await checked(declared));
      expect(made.outs).toMatchObject({ status: 'ACTIVE' });
    });

    it('a number released out of band reads as gone; create takes the same number back', async () => {
      const inputs = await checked(declared);
      const made = await hooks.create(inputs);
      await backend.client.call('ReleasePhoneNumber', { id: made.id });
      expect(await hooks.read(made.id, made.outs)).toEqual({});
      const again = await hooks.create(inputs);
      expect(again.outs.phoneNumber).toBe(made.outs.phoneNumber);
      expect(again.outs.status).toBe('ACTIVE');
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
        body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
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
        /cannot adopt phone number .*: isoCountryCode is US, declared GB; numberType is SIMULATOR, declared LONG_CODE/,
      );
    });

    it('never releases a protected number: the error names it and how to lift the protection', async () => {
      const made = await hooks.create(
        await checked({ ...declared, deletionProtectionEnabled: true }),
      );
      await expect(hooks.remove(made.id)).rejects.toThrow(
        `phone number ${String(made.outs.phoneNumber)} (${made.id}) has deletion protection enabled and was not released. To release it, set deletionProtectionEnabled: false on this resource, run pulumi up, then destroy again`,
      );
      expect(await backend.client.call('DescribePhoneNumber', { id: made.id })).toMatchObject({
        status: 'ACTIVE',
      });
    });

    it('moves a number to the Default list before releasing, so its own list can be deleted', async () => {
      await backend.client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
      const made = await hooks.create(await checked({ ...declared, optOutListName: 'marketing' }));
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
});

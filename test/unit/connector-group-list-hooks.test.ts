import * as groups from '../../provider/resources/hooks/voice-connector-group-hooks';
import * as lists from '../../provider/resources/hooks/opt-out-list-hooks';
import * as connectors from '../../provider/resources/hooks/voice-connector-hooks';
import { UNKNOWN } from '../../provider/resources/hooks/unknowns';
import { startHookBackend, type HookBackend } from './hook-backend';

describe('VoiceConnector, VoiceConnectorGroup and OptOutList hooks', () => {
  let backend: HookBackend;

  beforeEach(async () => {
    backend = await startHookBackend();
  });

  afterEach(async () => {
    await backend.close();
  });

  async function connector(name: string, awsRegion = 'us-east-1'): Promise<string> {
    const { inputs } = await connectors.check({}, { name, awsRegion, resourceKey: `p/s/${name}` });
    return (await connectors.create(inputs)).id;
  }

  describe('VoiceConnector', () => {
    it('defaults requireEncryption to true and fails on a region it does not know', async () => {
      expect(
        (await connectors.check({}, { name: 'a', awsRegion: 'us-east-1' })).inputs
          .requireEncryption,
      ).toBe(true);
      expect((await connectors.check({}, { name: 'a', awsRegion: 'mars-1' })).failures).toEqual([
        {
          property: 'awsRegion',
          reason: expect.stringContaining('awsRegion must be one of us-east-1'),
        },
      ]);
    });

    it('is named after its resource when no name is declared (a plugin resource, keyed by its URN), and refuses a null name', async () => {
      const urn = 'urn:pulumi:dev::p::my:Team$numberplane:index:VoiceConnector::east';
      for (const resourceKey of ['p/dev/east', urn]) {
        const { inputs } = await connectors.check({}, { awsRegion: 'us-east-1', resourceKey });
        expect(inputs.name).toBe('east');
      }
      const declared = { name: 'edge', awsRegion: 'us-east-1', resourceKey: 'p/dev/east' };
      expect((await connectors.check({}, declared)).inputs.name).toBe('edge');
      const group = await groups.check({}, { connectors: [], resourceKey: 'p/dev/main' });
      expect(group.inputs.name).toBe('main');
      const nulled = { name: null, awsRegion: 'us-east-1', resourceKey: 'p/dev/east' };
      expect((await connectors.check({}, nulled)).failures).toEqual([
        { property: 'name', reason: expect.stringContaining('name') },
      ]);
    });

    it('replaces on a region change and updates encryption in place', async () => {
      const olds = { name: 'a', awsRegion: 'us-east-1', requireEncryption: true };
      expect(await connectors.diff('id', olds, { ...olds, awsRegion: 'us-west-2' })).toEqual({
        changes: true,
        replaces: ['awsRegion'],
      });
      expect(await connectors.diff('id', olds, { ...olds, requireEncryption: false })).toEqual({
        changes: true,
        replaces: [],
      });
    });

    it('creates, reads drift, updates back, and deletes (gone is fine)', async () => {
      const { inputs } = await connectors.check(
        {},
        { name: 'east', awsRegion: 'us-east-1', resourceKey: 'p/s/east' },
      );
      const made = await connectors.create(inputs);
      await backend.client.call('UpdateVoiceConnector', {
        id: made.id,
        body: { requireEncryption: false },
      });
      const read = await connectors.read(made.id, made.outs);
      expect(read.inputs).toMatchObject({ requireEncryption: false });
      expect(await connectors.diff(made.id, read.props ?? {}, inputs)).toEqual({
        changes: true,
        replaces: [],
      });
      const updated = await connectors.update(made.id, read.props ?? {}, inputs);
      expect(updated.outs.requireEncryption).toBe(true);
      await connectors.remove(made.id);
      expect(await connectors.read(made.id, made.outs)).toEqual({});
      await expect(connectors.remove(made.id)).resolves.toBeUndefined();
    });
  });

  describe('VoiceConnectorGroup', () => {
    it('fails on a duplicate priority, a repeated connector and a fourth connector', async () => {
      const failures = async (entries: { voiceConnectorId: string; priority: number }[]) =>
        (await groups.check({}, { name: 'g', connectors: entries })).failures.map((f) => f.reason);
      expect(
        await failures([
          { voiceConnectorId: 'a', priority: 1 },
          { voiceConnectorId: 'b', priority: 1 },
        ]),
      ).toEqual([expect.stringContaining('priority 1 is given to both a and b')]);
      expect(
        await failures([
          { voiceConnectorId: 'a', priority: 1 },
          { voiceConnectorId: 'a', priority: 2 },
        ]),
      ).toEqual([expect.stringContaining('voice connector a is listed twice')]);
      expect(
        await failures([1, 2, 3, 4].map((p) => ({ voiceConnectorId: `c${p}`, priority: p }))),
      ).toEqual([expect.stringContaining('a group holds at most 3 voice connectors')]);
      expect(await failures([{ voiceConnectorId: UNKNOWN, priority: 1 }])).toEqual([]);
    });

    it('a priority swap is one update; a rename sends only the name', async () => {
      const east = await connector('east');
      const west = await connector('west', 'us-west-2');
      const { inputs } = await groups.check(
        {},
        {
          name: 'main',
          connectors: [
            { voiceConnectorId: east, priority: 1 },
            { voiceConnectorId: west, priority: 2 },
          ],
          resourceKey: 'p/s/main',
        },
      );
      const made = await groups.create(inputs);
      const swapped = (
        await groups.check(
          {},
          {
            ...inputs,
            connectors: [
              { voiceConnectorId: east, priority: 2 },
              { voiceConnectorId: west, priority: 1 },
            ],
          },
        )
      ).inputs;
      expect(await groups.diff(made.id, made.outs, swapped)).toEqual({
        changes: true,
        replaces: [],
      });
      const updated = await groups.update(made.id, made.outs, swapped);
      expect(updated.outs.connectors).toEqual([
        { voiceConnectorId: west, priority: 1 },
        { voiceConnectorId: east, priority: 2 },
      ]);
      // Someone changes the connectors meanwhile; a rename must not put them back.
      await backend.client.call('UpdateVoiceConnectorGroup', {
        id: made.id,
        body: { connectors: [{ voiceConnectorId: east, priority: 7 }] },
      });
      await groups.update(made.id, updated.outs, { ...swapped, name: 'renamed' });
      const after = await backend.client.call('GetVoiceConnectorGroup', { id: made.id });
      expect(after).toMatchObject({
        name: 'renamed',
        connectors: [{ voiceConnectorId: east, priority: 7 }],
      });
    });

    it('delete takes the connectors out first; a group with numbers fails naming them', async () => {
      const east = await connector('east');
      const { inputs } = await groups.check(
        {},
        {
          name: 'main',
          connectors: [{ voiceConnectorId: east, priority: 1 }],
          resourceKey: 'p/s/main',
        },
      );
      const made = await groups.create(inputs);
      const number = await backend.client.call('CreatePhoneNumber', {
        body: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['VOICE'],
          productType: 'VoiceConnector',
          voiceConnectorGroupId: made.id,
        },
      });
      await expect(groups.remove(made.id)).rejects.toThrow(
        `still has phone numbers assigned (${number.phoneNumber})`,
      );
      await backend.client.call('UpdatePhoneNumber', {
        id: number.phoneNumberId,
        body: { voiceConnectorGroupId: null },
      });
      await groups.remove(made.id);
      expect(await groups.read(made.id, made.outs)).toEqual({});
    });
  });

  describe('OptOutList', () => {
    it('refuses to manage the built-in Default list', async () => {
      expect((await lists.check({}, { name: 'Default' })).failures).toEqual([
        {
          property: 'name',
          reason: expect.stringContaining('Default is every account’s built-in opt-out list'),
        },
      ]);
    });

    it('creates, reads the opted-out count, and a list in use cannot be deleted', async () => {
      const made = await lists.create({ name: 'marketing', resourceKey: 'p/s/marketing' });
      await backend.client.call('PutOptedOutNumber', {
        id: 'marketing',
        body: { phoneNumber: '+12065550100' },
      });
      expect((await lists.read(made.id, made.outs)).props).toMatchObject({ optedOutCount: 1 });
      await backend.client.call('CreatePhoneNumber', {
        body: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['SMS'],
          optOutListName: 'marketing',
        },
      });
      await expect(lists.remove(made.id)).rejects.toThrow(
        /opt-out list "marketing" is in use by phone number/,
      );
    });
  });
});

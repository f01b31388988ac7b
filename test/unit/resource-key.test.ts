import * as groups from '../../provider/resources/hooks/voice-connector-group-hooks';
import * as lists from '../../provider/resources/hooks/opt-out-list-hooks';
import * as numbers from '../../provider/resources/hooks/phone-number-hooks';
import * as connectors from '../../provider/resources/hooks/voice-connector-hooks';
import { UNKNOWN } from '../../provider/resources/hooks/unknowns';

const CHILD = 'urn:pulumi:dev::proj::acme:Site$pulumi-nodejs:dynamic/numberplane:Kind::line';

/** The create token is derived from the key, so a key that changed would claim a new number. */
describe('a resource keeps the key it was created with', () => {
  const kinds = {
    PhoneNumber: [
      numbers.check,
      { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['VOICE'] },
    ],
    VoiceConnector: [connectors.check, { name: 'edge', awsRegion: 'us-east-1' }],
    VoiceConnectorGroup: [groups.check, { name: 'main', connectors: [] }],
    OptOutList: [lists.check, { name: 'marketing' }],
  } as const;

  it.each(Object.entries(kinds))(
    '%s: a move under a component (or an upgrade from 0.1) keeps the old key',
    async (_kind, [check, declared]) => {
      const first = await check({}, { ...declared, resourceKey: CHILD });
      expect(first.inputs.resourceKey).toBe(CHILD);
      const moved = await check(
        { ...declared, resourceKey: 'proj/dev/line' },
        { ...declared, resourceKey: CHILD },
      );
      expect(moved.inputs.resourceKey).toBe('proj/dev/line');
      expect(moved.failures).toEqual([]);
    },
  );
});

describe('an opt-out list declared without a name', () => {
  it('is named after the resource with a suffix from its key, the same on every check', async () => {
    const first = await lists.check({}, { resourceKey: CHILD });
    const again = await lists.check({}, { resourceKey: CHILD });
    expect(first.inputs.name).toMatch(/^line-[0-9a-f]{7}$/);
    expect(again.inputs.name).toBe(first.inputs.name);
    expect((await lists.check({}, { resourceKey: 'proj/dev/line' })).inputs.name).toMatch(
      /^line-[0-9a-f]{7}$/,
    );
  });

  it('differs between stacks and between tags, which replace the list', async () => {
    const dev = await lists.check({}, { resourceKey: 'proj/dev/line' });
    const prod = await lists.check({}, { resourceKey: 'proj/prod/line' });
    const tagged = await lists.check({}, { resourceKey: 'proj/dev/line', tags: { a: 'b' } });
    expect(new Set([dev.inputs.name, prod.inputs.name, tagged.inputs.name]).size).toBe(3);
  });

  it('keeps the name a list made before has (numberplane 0.1 named it after the resource)', async () => {
    const kept = await lists.check(
      { name: 'marketing', resourceKey: 'proj/dev/marketing' },
      { resourceKey: 'proj/dev/marketing' },
    );
    expect(kept.inputs.name).toBe('marketing');
  });

  it('keeps its name when its tags come in another order or are not known yet (a preview)', async () => {
    const made = await lists.check({}, { resourceKey: CHILD, tags: { a: '1', b: '2' } });
    const olds = made.inputs;
    const reordered = await lists.check(olds, { resourceKey: CHILD, tags: { b: '2', a: '1' } });
    expect(reordered.inputs.name).toBe(olds.name);
    const unknown = await lists.check(olds, { resourceKey: CHILD, tags: { a: UNKNOWN } });
    expect(unknown.inputs.name).toBe(olds.name);
  });

  it('adopted, takes the name of the list it adopts', async () => {
    const adopted = await lists.check({}, { resourceKey: CHILD, adoptExistingId: 'legacy' });
    expect(adopted.inputs.name).toBe('legacy');
  });
});

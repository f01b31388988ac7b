import * as groups from '../../provider/resources/hooks/voice-connector-group-hooks';
import * as lists from '../../provider/resources/hooks/opt-out-list-hooks';
import * as numbers from '../../provider/resources/hooks/phone-number-hooks';
import * as connectors from '../../provider/resources/hooks/voice-connector-hooks';

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

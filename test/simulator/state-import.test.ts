import type { SimulatorClient } from '../../provider/client/simulator-client';
import type { StateDocument } from '../../provider/api/objects';
import { LATEST_STORED_MS } from '../../provider/simulator/service/state-rows';
import { NUMBER_PLANS } from '../../provider/model/number-plan';
import { describeEachTransport, failureOf, type SimulatorHarness } from './harness';

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;

const voiceNumber = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['SMS', 'VOICE'],
  productType: 'VoiceConnector',
};

/** What the built state holds, by id, for the cases to point at. */
interface Built {
  ourAccount: string;
  theirAccount: string;
  /** Our number on our connector, on list quiet, tagged, owned by a stack. */
  number: string;
  /** Our LONG_CODE number, PENDING (a due event activates it). */
  pending: string;
  connector: string;
  group: string;
  theirConnector: string;
  theirGroup: string;
  /** Their number, on their own connector. */
  theirNumber: string;
  theirClient: SimulatorClient;
}

/**
 * A state with a row in every table: two accounts, each with a connector, a group holding
 * it and an opt-out list; our tagged number on our connector (owned by a stack), a pending
 * one, a released and purged one; an opted-out number, two fault rules, a region outage.
 */
async function buildState(h: SimulatorHarness): Promise<Built> {
  const { client } = h;
  const connector = await client.call('CreateVoiceConnector', {
    body: { name: 'east', awsRegion: 'us-east-1', tags: { team: 'voice' }, clientToken: 'vc-1' },
  });
  const group = await client.call('CreateVoiceConnectorGroup', {
    body: {
      name: 'pool',
      connectors: [{ voiceConnectorId: connector.voiceConnectorId, priority: 1 }],
    },
  });
  await client.call('CreateOptOutList', {
    body: { optOutListName: 'quiet', tags: { use: 'marketing' } },
  });
  await client.call('PutOptedOutNumber', { id: 'quiet', body: { phoneNumber: '+14155550100' } });
  const gone = await client.call('CreatePhoneNumber', {
    body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
  });
  await client.call('ReleasePhoneNumber', { id: gone.phoneNumberId });
  await client.admin('ChangeClock', { body: { action: 'advance', by: '8d' } });
  const number = await client.call('CreatePhoneNumber', {
    body: {
      ...voiceNumber,
      optOutListName: 'quiet',
      voiceConnectorId: connector.voiceConnectorId,
      tags: { team: 'voice' },
      clientToken: 'number-1',
    },
  });
  const pending = await client.call('CreatePhoneNumber', {
    body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS'] },
  });
  await client.call('ClaimOwnership', {
    body: { kind: 'PhoneNumber', id: number.phoneNumberId, owner: 'numbers/prod' },
  });
  await client.admin('AddFault', {
    body: { operation: 'DescribeClock', kind: 'server-error', nth: 1000 },
  });
  await client.admin('AddFault', {
    body: { operation: 'RouteCall', kind: 'latency', rate: 0.5, latencyMs: 50 },
  });
  await client.admin('StartOutage', { body: { awsRegion: 'eu-west-1' } });

  const theirClient = await h.newAccount('second');
  const theirConnector = await theirClient.call('CreateVoiceConnector', {
    body: { name: 'west', awsRegion: 'us-west-2' },
  });
  const theirGroup = await theirClient.call('CreateVoiceConnectorGroup', {
    body: {
      name: 'theirs',
      connectors: [{ voiceConnectorId: theirConnector.voiceConnectorId, priority: 1 }],
    },
  });
  await theirClient.call('CreateOptOutList', { body: { optOutListName: 'theirs' } });
  const theirNumber = await theirClient.call('CreatePhoneNumber', {
    body: { ...voiceNumber, voiceConnectorId: theirConnector.voiceConnectorId },
  });
  const accounts = await client.admin('ListAccounts');
  const idOf = (name: string): string => accounts.find((a) => a.name === name)?.accountId ?? '';
  return {
    ourAccount: idOf('default'),
    theirAccount: idOf('second'),
    number: number.phoneNumberId,
    pending: pending.phoneNumberId,
    connector: connector.voiceConnectorId,
    group: group.voiceConnectorGroupId,
    theirConnector: theirConnector.voiceConnectorId,
    theirGroup: theirGroup.voiceConnectorGroupId,
    theirNumber: theirNumber.phoneNumberId,
    theirClient,
  };
}

interface HostileCase {
  name: string;
  /** Where the error must point: the table, the row (found in the changed document) … */
  table: string;
  where: (row: Row, s: Built) => boolean;
  /** … the words that name the field … */
  names: string;
  /** … and, when given, the bad value as JSON. */
  shows?: unknown;
  edit: (tables: Tables, s: Built) => void;
}

/** A value to write: as it is, or taken from the built state. */
type Value = string | number | null | ((s: Built) => string);

/** A case that sets one column of the row `where` picks to `value` (and `extra` columns). */
function setting(
  name: string,
  table: string,
  where: (row: Row, s: Built) => boolean,
  column: string,
  value: Value,
  extra: Row = {},
): HostileCase {
  const valueOf = (s: Built): unknown => (typeof value === 'function' ? value(s) : value);
  return {
    name,
    table,
    where,
    names: `column ${column}`,
    ...(typeof value === 'function' ? {} : { shows: value }),
    edit: (tables, s) => {
      const row = (tables[table] ?? []).find((r) => where(r, s));
      if (!row) throw new Error(`no ${table} row to change`);
      Object.assign(row, extra, { [column]: valueOf(s) });
    },
  };
}

const any = (): boolean => true;
const ourNumber = (row: Row, s: Built): boolean => row.phone_number_id === s.number;
const pendingNumber = (row: Row, s: Built): boolean => row.phone_number_id === s.pending;
const ourConnector = (row: Row, s: Built): boolean => row.voice_connector_id === s.connector;
const ourGroupMember = (row: Row, s: Built): boolean => row.voice_connector_group_id === s.group;
const quietList = (row: Row): boolean => row.name === 'quiet';
const theirAccount = (row: Row, s: Built): boolean => row.account_id === s.theirAccount;
const ourAccount = (row: Row, s: Built): boolean => row.account_id === s.ourAccount;
/** The rules AddFault made: one with a rate and a latency, one on the Nth call. */
const latencyRule = (row: Row): boolean => row.latency_ms !== null;
const errorRule = (row: Row): boolean => row.nth !== null;
const NO_NUMBER = `phone-${'0'.repeat(32)}`;

const CASES: HostileCase[] = [
  // JSON columns
  setting(
    'refuses connector tags that are not JSON',
    'voice_connectors',
    ourConnector,
    'tags',
    '{"team":',
  ),
  setting(
    'refuses number tags whose values are not strings',
    'phone_numbers',
    ourNumber,
    'tags',
    '{"team":7}',
  ),
  setting(
    'refuses opt-out list tags that are a JSON array',
    'opt_out_lists',
    quietList,
    'tags',
    '["marketing"]',
  ),
  setting(
    'refuses capabilities outside SMS, VOICE and MMS',
    'phone_numbers',
    ourNumber,
    'number_capabilities',
    '["SMS","FAX"]',
  ),
  setting(
    'refuses capabilities that are not a JSON array',
    'phone_numbers',
    ourNumber,
    'number_capabilities',
    '"SMS"',
  ),
  setting(
    'refuses an idempotency response that is not JSON',
    'idempotency_keys',
    any,
    'response',
    'not json',
  ),
  // timestamps
  setting(
    'refuses a creation time that is not a whole number',
    'phone_numbers',
    ourNumber,
    'created_at',
    1.5,
  ),
  setting('refuses a negative account creation time', 'accounts', ourAccount, 'created_at', -1),
  setting(
    'refuses an activation time past the latest stored time',
    'phone_numbers',
    pendingNumber,
    'active_at',
    8.64e15,
  ),
  setting(
    'refuses a cool-down end given as text',
    'number_releases',
    any,
    'cool_down_until',
    '2030-01-01',
  ),
  setting(
    'refuses a churn time one millisecond past the latest stored time',
    'churn_events',
    any,
    'at',
    LATEST_STORED_MS + 1,
  ),
  setting('refuses a due event without a due time', 'due_events', any, 'due_at', null),
  setting(
    'refuses an opt-out time given as a numeric string',
    'opted_out_numbers',
    any,
    'opted_out_at',
    '1700000000000',
  ),
  setting('refuses a negative ownership claim time', 'owners', any, 'claimed_at', -5),
  setting(
    'refuses an outage start past the latest stored time',
    'region_outages',
    any,
    'since',
    1e20,
  ),
  setting(
    'refuses a connector update time that is not a number',
    'voice_connectors',
    ourConnector,
    'updated_at',
    'yesterday',
  ),
  // enums
  setting('refuses an unknown number status', 'phone_numbers', ourNumber, 'status', 'LOST'),
  setting('refuses an unknown claim status', 'phone_numbers', ourNumber, 'claim_status', 'MAYBE'),
  setting('refuses an unknown number type', 'phone_numbers', ourNumber, 'number_type', 'FAX'),
  setting('refuses an unknown product type', 'phone_numbers', ourNumber, 'product_type', 'Pager'),
  setting('refuses an unknown message type', 'phone_numbers', ourNumber, 'message_type', 'SPAM'),
  setting(
    'refuses a connector in an unknown region',
    'voice_connectors',
    ourConnector,
    'aws_region',
    'mars-1',
  ),
  setting('refuses an outage of an unknown region', 'region_outages', any, 'aws_region', 'mars-1'),
  setting('refuses an unknown churn kind', 'churn_events', any, 'kind', 'steal'),
  setting('refuses an unknown due event kind', 'due_events', any, 'kind', 'explode-number'),
  setting('refuses an unknown fault kind', 'faults', errorRule, 'kind', 'meteor'),
  setting(
    'refuses a fault on an operation the accounts do not have',
    'faults',
    errorRule,
    'operation',
    'LaunchRockets',
  ),
  setting(
    'refuses an idempotency key of an operation the accounts do not have',
    'idempotency_keys',
    any,
    'operation',
    'DoStuff',
  ),
  setting('refuses an owner row of an unknown kind', 'owners', any, 'kind', 'Planet'),
  // booleans
  setting(
    'refuses a deletion protection flag other than 0 or 1',
    'phone_numbers',
    ourNumber,
    'deletion_protection',
    2,
  ),
  setting(
    'refuses an encryption flag given as text',
    'voice_connectors',
    ourConnector,
    'require_encryption',
    'yes',
  ),
  // other API rules
  setting('refuses a group priority below 1', 'group_connectors', ourGroupMember, 'priority', 0),
  setting('refuses a negative number quota', 'accounts', ourAccount, 'number_quota', -1),
  setting(
    'refuses a phone number that is not E.164 or a short code',
    'phone_numbers',
    ourNumber,
    'phone_number',
    '555',
  ),
  setting('refuses an empty connector name', 'voice_connectors', ourConnector, 'name', ''),
  // fault rules, as AddFault takes them
  setting('refuses a fault rate above 1', 'faults', latencyRule, 'rate', 1.5),
  setting('refuses a fault that fires on the 0th call', 'faults', errorRule, 'nth', 0),
  setting('refuses a fault latency above a minute', 'faults', latencyRule, 'latency_ms', 60_001),
  {
    name: 'refuses a fault rule with both a rate and an nth',
    table: 'faults',
    where: errorRule,
    names: 'columns operation, kind, rate, nth, remaining, latency_ms, retry_after_seconds',
    edit: (tables) => {
      const row = tables.faults?.find(errorRule);
      if (row) row.rate = 0.5;
    },
  },
  // references across accounts, and objects that do not exist
  setting(
    'refuses a number on a connector of another account',
    'phone_numbers',
    ourNumber,
    'voice_connector_id',
    (s: Built) => s.theirConnector,
  ),
  setting(
    'refuses a number on a group of another account',
    'phone_numbers',
    ourNumber,
    'voice_connector_group_id',
    (s: Built) => s.theirGroup,
    { voice_connector_id: null },
  ),
  setting(
    'refuses a group holding a connector of another account',
    'group_connectors',
    ourGroupMember,
    'voice_connector_id',
    (s: Built) => s.theirConnector,
  ),
  setting(
    'refuses a number on an opt-out list of another account',
    'phone_numbers',
    ourNumber,
    'opt_out_list_name',
    'theirs',
  ),
  setting(
    'refuses a number on an opt-out list that no account has',
    'phone_numbers',
    ourNumber,
    'opt_out_list_name',
    'nowhere',
  ),
  setting(
    'refuses an owner row naming a connector of another account',
    'owners',
    any,
    'object_id',
    (s: Built) => s.theirConnector,
    { kind: 'VoiceConnector' },
  ),
  setting(
    'refuses an owner row naming a number that does not exist',
    'owners',
    any,
    'object_id',
    NO_NUMBER,
  ),
  setting(
    'refuses a churn event of an account that does not exist',
    'churn_events',
    any,
    'account_id',
    '999999999999',
  ),
  {
    name: 'refuses a TEN_DLC number without its registration (the rule book, as CreatePhoneNumber holds it)',
    table: 'phone_numbers',
    where: ourNumber,
    names: 'column registration_id',
    edit: (tables, s) => {
      const row = (tables.phone_numbers ?? []).find((r) => ourNumber(r, s));
      if (row) Object.assign(row, { number_type: 'TEN_DLC', voice_connector_id: null });
    },
  },
  setting(
    'refuses a number on a connector without the VOICE capability',
    'phone_numbers',
    ourNumber,
    'number_capabilities',
    '["SMS"]',
  ),
  {
    name: 'refuses a fourth voice connector group in one account',
    // Three made before it: ours is the fourth by creation time.
    table: 'voice_connector_groups',
    where: (row, s) => row.voice_connector_group_id === s.group,
    names: 'column account_id',
    edit: (tables, s) => {
      const groups = tables.voice_connector_groups ?? [];
      const ours = groups.find((r) => r.voice_connector_group_id === s.group);
      ['d', 'e', 'f'].forEach((letter, i) => {
        groups.push({
          ...ours,
          voice_connector_group_id: `vcg-${letter.repeat(32)}`,
          name: `extra-${letter}`,
          created_at: Number(ours?.created_at) - 3 + i,
        });
      });
    },
  },
  {
    name: 'refuses an account without its Default opt-out list',
    table: 'accounts',
    where: theirAccount,
    names: 'column account_id',
    edit: (tables, s) => {
      tables.opt_out_lists = (tables.opt_out_lists ?? []).filter(
        (row) => !(row.account_id === s.theirAccount && row.name === 'Default'),
      );
    },
  },
];

describeEachTransport('state import checks every row', (harness) => {
  let built: Built;
  let exported: StateDocument;

  beforeEach(async () => {
    built = await buildState(harness());
    exported = await harness().client.admin('ExportState');
  });

  /** What the store shows: every table, and the numbers as the API lists them. */
  async function storeView(): Promise<unknown> {
    const { client } = harness();
    return {
      tables: (await client.admin('ExportState')).tables,
      numbers: (await client.call('ListPhoneNumbers', {})).items,
    };
  }

  it('the built state has a row in every table the cases change', () => {
    for (const { table, where } of CASES) {
      expect([table, (exported.tables[table] ?? []).some((row) => where(row, built))]).toEqual([
        table,
        true,
      ]);
    }
  });

  it.each(CASES)('$name, naming the table, row and column, and changes nothing', async (c) => {
    const { client } = harness();
    const before = await storeView();
    const tables = structuredClone(exported.tables);
    c.edit(tables, built);
    const row = (tables[c.table] ?? []).findIndex((r) => c.where(r, built)) + 1;
    expect(row).toBeGreaterThan(0);

    const failure = await failureOf(client.admin('ImportState', { body: { ...exported, tables } }));

    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain(`table ${c.table} row ${row} `);
    expect(failure.message).toContain(c.names);
    if (c.shows !== undefined) expect(failure.message).toContain(JSON.stringify(c.shows));
    expect(await storeView()).toEqual(before);
  });

  it('an unchanged export imports and exports again the same', async () => {
    const { client } = harness();
    const before = await storeView();
    const imported = await client.admin('ImportState', { body: exported });
    expect(imported.rows).toBeGreaterThan(0);
    expect(await storeView()).toEqual(before);
  });

  it("a second account's export with a number on its own connector imports after a reset", async () => {
    const { client } = harness();
    const theirs = await built.theirClient.call('DescribePhoneNumber', { id: built.theirNumber });
    expect(theirs.voiceConnectorId).toBe(built.theirConnector);
    await client.admin('ResetState');
    await client.admin('ImportState', { body: exported });
    expect(await built.theirClient.call('DescribePhoneNumber', { id: built.theirNumber })).toEqual(
      theirs,
    );
    expect(
      await built.theirClient.call('GetVoiceConnectorGroup', { id: built.theirGroup }),
    ).toMatchObject({ connectors: [{ voiceConnectorId: built.theirConnector, priority: 1 }] });
  });

  it('an export holding a number of every type each country offers imports after a reset', async () => {
    const { client } = harness();
    await client.admin('UpdateAccount', { id: 'default', body: { numberQuota: 100 } });
    for (const [isoCountryCode, plan] of Object.entries(NUMBER_PLANS)) {
      for (const numberType of Object.keys(plan.blocks)) {
        await client.call('CreatePhoneNumber', {
          body: {
            isoCountryCode,
            numberType,
            numberCapabilities: numberType === 'SHORT_CODE' ? ['SMS'] : ['SMS', 'VOICE'],
            ...(numberType === 'TEN_DLC' ? { registrationId: 'reg-0001' } : {}),
          },
        });
      }
    }
    const full = await client.admin('ExportState');
    const before = await storeView();
    await client.admin('ResetState');
    await client.admin('ImportState', { body: full });
    expect(await storeView()).toEqual(before);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { validation } from '../domain/errors';
import type { SimulatorClient } from '../../client/simulator-client';
import type { AccountOperationName, OperationInput } from '../service/operations';
import type { AdminInput, AdminOperationName } from '../service/admin-operations';
import { json, record, table, type Row } from './output';

/** Parsed flags: strings, booleans, or repeated strings. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  readonly client: SimulatorClient;
  readonly flags: Flags;
  readonly positionals: readonly string[];
}

export interface Command {
  /** Words after `numberplane`, e.g. ['numbers', 'list']. */
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  /** Flags this command takes (beyond the global ones), as parseArgs options. */
  readonly flags?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run(ctx: CommandContext): Promise<{ value: unknown; text: string }>;
}

function str(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

function positional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index];
  if (!value) throw validation(`${what} is missing; see numberplane help`);
  return value;
}

function bool(flags: Flags, name: string): boolean | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw validation(`--${name} must be true or false; got "${value}"`);
}

/** `none` clears an assignment; anything else is an id. */
function idOrNone(flags: Flags, name: string): string | null | undefined {
  const value = str(flags, name);
  return value === 'none' ? null : value;
}

function tags(flags: Flags): Record<string, string> | undefined {
  const list = flags.tag;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) throw validation(`--tag must be KEY=VALUE; got "${item}"`);
    result[item.slice(0, at)] = item.slice(at + 1);
  }
  return result;
}

/** A body from --body JSON, overlaid with the command's own flags (undefined ones dropped). */
function body(flags: Flags, fields: Record<string, unknown>): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  const raw = str(flags, 'body');
  if (raw !== undefined) {
    try {
      base = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw validation(
        `--body is not valid JSON (${(error as Error).message}); pass a JSON object`,
      );
    }
  }
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) base[key] = value;
  return base;
}

/** Calls an account operation, or, with --account, makes it as that account (out of band). */
async function call(
  ctx: CommandContext,
  operation: AccountOperationName,
  input: OperationInput,
): Promise<unknown> {
  const account = str(ctx.flags, 'account');
  if (account) {
    return ctx.client.admin('InvokeAs', { id: account, body: { operation, input } });
  }
  return ctx.client.call(operation, input);
}

const adminCall = (
  ctx: CommandContext,
  operation: AdminOperationName,
  input: AdminInput = {},
): Promise<unknown> => ctx.client.admin(operation, input);

const NUMBER_COLUMNS = [
  'phoneNumberId',
  'phoneNumber',
  'status',
  'numberType',
  'numberCapabilities',
  'voiceConnectorId',
  'voiceConnectorGroupId',
  'deletionProtectionEnabled',
];
const CONNECTOR_COLUMNS = [
  'voiceConnectorId',
  'name',
  'awsRegion',
  'requireEncryption',
  'outboundHostName',
];
const GROUP_COLUMNS = ['voiceConnectorGroupId', 'name', 'connectors'];
const LIST_COLUMNS = ['optOutListName', 'optedOutCount', 'createdTimestamp'];

const asItems = (value: unknown): Row[] => ((value as { items?: Row[] }).items ?? []) as Row[];
const listed =
  (columns: string[]) =>
  (value: unknown): string => {
    const next = (value as { nextToken?: string }).nextToken;
    return table(asItems(value), columns) + (next ? `(more: --next-token ${next})\n` : '');
  };
const one = (value: unknown): string => record(value as Row);

function pageFlags(flags: Flags): OperationInput['page'] {
  const max = str(flags, 'max-results');
  return {
    ...(max !== undefined ? { maxResults: /^\d+$/.test(max) ? Number(max) : max } : {}),
    ...(str(flags, 'next-token') !== undefined ? { nextToken: str(flags, 'next-token') } : {}),
  };
}

const PAGE_FLAGS = { 'max-results': { type: 'string' }, 'next-token': { type: 'string' } } as const;
const ACCOUNT_FLAG = { account: { type: 'string' } } as const;

function simple(
  words: string[],
  usage: string,
  summary: string,
  run: (ctx: CommandContext) => Promise<unknown>,
  print: (value: unknown) => string,
  flags?: Command['flags'],
): Command {
  return {
    words,
    usage,
    summary,
    flags,
    async run(ctx) {
      const value = await run(ctx);
      return { value, text: print(value) };
    },
  };
}

const NUMBER_FLAGS = {
  country: { type: 'string' },
  type: { type: 'string' },
  capabilities: { type: 'string' },
  'message-type': { type: 'string' },
  'product-type': { type: 'string' },
  'area-code': { type: 'string' },
  'deletion-protection': { type: 'string' },
  'opt-out-list': { type: 'string' },
  'two-way': { type: 'string' },
  'channel-arn': { type: 'string' },
  'registration-id': { type: 'string' },
  'voice-connector': { type: 'string' },
  group: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'client-token': { type: 'string' },
  body: { type: 'string' },
  ...ACCOUNT_FLAG,
} as const;

function numberFields(flags: Flags): Record<string, unknown> {
  return {
    deletionProtectionEnabled: bool(flags, 'deletion-protection'),
    optOutListName: str(flags, 'opt-out-list'),
    twoWayEnabled: bool(flags, 'two-way'),
    twoWayChannelArn: str(flags, 'channel-arn'),
    registrationId: str(flags, 'registration-id'),
    messageType: str(flags, 'message-type'),
    productType: str(flags, 'product-type'),
    tags: tags(flags),
  };
}

const FILTER_FLAGS = {
  status: { type: 'string' },
  'iso-country-code': { type: 'string' },
  'message-type': { type: 'string' },
  'number-capability': { type: 'string' },
  'number-type': { type: 'string' },
  'two-way-enabled': { type: 'string' },
  'self-managed-opt-outs-enabled': { type: 'string' },
  'opt-out-list-name': { type: 'string' },
  'deletion-protection-enabled': { type: 'string' },
} as const;

export const COMMANDS: Command[] = [
  simple(
    ['numbers', 'list'],
    'numbers list [--status ACTIVE,PENDING] [--number-type ...] [...nine filters]',
    'List phone numbers, filtered.',
    (ctx) => {
      const filters: Record<string, string[]> = {};
      for (const name of Object.keys(FILTER_FLAGS)) {
        const value = str(ctx.flags, name);
        if (value !== undefined) filters[name] = value.split(',');
      }
      return call(ctx, 'ListPhoneNumbers', { filters, page: pageFlags(ctx.flags) });
    },
    listed(NUMBER_COLUMNS),
    { ...FILTER_FLAGS, ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['numbers', 'get'],
    'numbers get PHONE_NUMBER_ID',
    'Describe one phone number.',
    (ctx) => call(ctx, 'DescribePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'create'],
    'numbers create --country US --type SIMULATOR --capabilities SMS,VOICE [...]',
    'Choose and claim a number.',
    (ctx) =>
      call(ctx, 'CreatePhoneNumber', {
        body: body(ctx.flags, {
          isoCountryCode: str(ctx.flags, 'country'),
          numberType: str(ctx.flags, 'type'),
          numberCapabilities: str(ctx.flags, 'capabilities')?.split(','),
          areaCode: str(ctx.flags, 'area-code'),
          voiceConnectorId: str(ctx.flags, 'voice-connector'),
          voiceConnectorGroupId: str(ctx.flags, 'group'),
          clientToken: str(ctx.flags, 'client-token'),
          ...numberFields(ctx.flags),
        }),
      }),
    one,
    NUMBER_FLAGS,
  ),
  simple(
    ['numbers', 'update'],
    'numbers update PHONE_NUMBER_ID [--deletion-protection false] [--voice-connector ID|none] [--group ID|none] [...]',
    'Change a number in place.',
    (ctx) =>
      call(ctx, 'UpdatePhoneNumber', {
        id: positional(ctx, 0, 'PHONE_NUMBER_ID'),
        body: body(ctx.flags, {
          voiceConnectorId: idOrNone(ctx.flags, 'voice-connector'),
          voiceConnectorGroupId: idOrNone(ctx.flags, 'group'),
          ...numberFields(ctx.flags),
        }),
      }),
    one,
    NUMBER_FLAGS,
  ),
  simple(
    ['numbers', 'release'],
    'numbers release PHONE_NUMBER_ID',
    'Release a number into the 7-day deletion queue.',
    (ctx) => call(ctx, 'ReleasePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'restore'],
    'numbers restore PHONE_NUMBER_ID',
    'Take a number back out of the deletion queue.',
    (ctx) => call(ctx, 'RestorePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'retry-claim'],
    'numbers retry-claim PHONE_NUMBER_ID',
    'Retry a FAILED claim.',
    (ctx) => call(ctx, 'RetryClaimPhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),

  simple(
    ['connectors', 'list'],
    'connectors list',
    'List voice connectors.',
    (ctx) => call(ctx, 'ListVoiceConnectors', { page: pageFlags(ctx.flags) }),
    listed(CONNECTOR_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['connectors', 'get'],
    'connectors get VOICE_CONNECTOR_ID',
    'Get one voice connector.',
    (ctx) => call(ctx, 'GetVoiceConnector', { id: positional(ctx, 0, 'VOICE_CONNECTOR_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['connectors', 'create'],
    'connectors create NAME --region us-east-1 [--require-encryption false]',
    'Create a voice connector.',
    (ctx) =>
      call(ctx, 'CreateVoiceConnector', {
        body: body(ctx.flags, {
          name: positional(ctx, 0, 'NAME'),
          awsRegion: str(ctx.flags, 'region'),
          requireEncryption: bool(ctx.flags, 'require-encryption'),
          tags: tags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      region: { type: 'string' },
      'require-encryption': { type: 'string' },
      tag: { type: 'string', multiple: true },
      'client-token': { type: 'string' },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['connectors', 'update'],
    'connectors update VOICE_CONNECTOR_ID [--name N] [--require-encryption false]',
    'Change a voice connector.',
    (ctx) =>
      call(ctx, 'UpdateVoiceConnector', {
        id: positional(ctx, 0, 'VOICE_CONNECTOR_ID'),
        body: body(ctx.flags, {
          name: str(ctx.flags, 'name'),
          requireEncryption: bool(ctx.flags, 'require-encryption'),
          tags: tags(ctx.flags),
        }),
      }),
    one,
    {
      name: { type: 'string' },
      'require-encryption': { type: 'string' },
      tag: { type: 'string', multiple: true },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['connectors', 'delete'],
    'connectors delete VOICE_CONNECTOR_ID',
    'Delete a voice connector.',
    (ctx) => call(ctx, 'DeleteVoiceConnector', { id: positional(ctx, 0, 'VOICE_CONNECTOR_ID') }),
    one,
    ACCOUNT_FLAG,
  ),

  simple(
    ['groups', 'list'],
    'groups list',
    'List voice connector groups.',
    (ctx) => call(ctx, 'ListVoiceConnectorGroups', { page: pageFlags(ctx.flags) }),
    listed(GROUP_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['groups', 'get'],
    'groups get GROUP_ID',
    'Get one group, connectors in priority order.',
    (ctx) => call(ctx, 'GetVoiceConnectorGroup', { id: positional(ctx, 0, 'GROUP_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['groups', 'create'],
    'groups create NAME [--connector VC_ID:PRIORITY ...]',
    'Create a group.',
    (ctx) =>
      call(ctx, 'CreateVoiceConnectorGroup', {
        body: body(ctx.flags, {
          name: positional(ctx, 0, 'NAME'),
          connectors: connectorFlags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      connector: { type: 'string', multiple: true },
      'client-token': { type: 'string' },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['groups', 'update'],
    'groups update GROUP_ID [--name N] [--connector VC_ID:PRIORITY ...]',
    'Rename a group or replace its connectors.',
    (ctx) =>
      call(ctx, 'UpdateVoiceConnectorGroup', {
        id: positional(ctx, 0, 'GROUP_ID'),
        body: body(ctx.flags, {
          name: str(ctx.flags, 'name'),
          connectors: connectorFlags(ctx.flags),
        }),
      }),
    one,
    {
      name: { type: 'string' },
      connector: { type: 'string', multiple: true },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['groups', 'delete'],
    'groups delete GROUP_ID',
    'Delete a group.',
    (ctx) => call(ctx, 'DeleteVoiceConnectorGroup', { id: positional(ctx, 0, 'GROUP_ID') }),
    one,
    ACCOUNT_FLAG,
  ),

  simple(
    ['opt-out-lists', 'list'],
    'opt-out-lists list',
    'List opt-out lists.',
    (ctx) => call(ctx, 'ListOptOutLists', { page: pageFlags(ctx.flags) }),
    listed(LIST_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['opt-out-lists', 'get'],
    'opt-out-lists get NAME',
    'Describe an opt-out list.',
    (ctx) => call(ctx, 'DescribeOptOutList', { id: positional(ctx, 0, 'NAME') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['opt-out-lists', 'create'],
    'opt-out-lists create NAME',
    'Create an opt-out list.',
    (ctx) =>
      call(ctx, 'CreateOptOutList', {
        body: body(ctx.flags, {
          optOutListName: positional(ctx, 0, 'NAME'),
          tags: tags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      tag: { type: 'string', multiple: true },
      'client-token': { type: 'string' },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['opt-out-lists', 'delete'],
    'opt-out-lists delete NAME',
    'Delete an opt-out list.',
    (ctx) => call(ctx, 'DeleteOptOutList', { id: positional(ctx, 0, 'NAME') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['opt-out-lists', 'opt-out'],
    'opt-out-lists opt-out NAME +E164',
    'Add a destination number to a list.',
    (ctx) =>
      call(ctx, 'PutOptedOutNumber', {
        id: positional(ctx, 0, 'NAME'),
        body: { phoneNumber: positional(ctx, 1, 'PHONE_NUMBER') },
      }),
    one,
    ACCOUNT_FLAG,
  ),

  simple(
    ['route-call'],
    'route-call +E164',
    'Which voice connector an inbound call reaches (fails over past regions in outage).',
    (ctx) => call(ctx, 'RouteCall', { body: { phoneNumber: positional(ctx, 0, 'PHONE_NUMBER') } }),
    (value) => {
      const route = value as {
        routed: boolean;
        attempts: Row[];
        voiceConnectorId?: string;
        awsRegion?: string;
        reason?: string;
      };
      const head = route.routed
        ? `routed to ${route.voiceConnectorId} (${route.awsRegion})\n`
        : `not routed: ${route.reason}\n`;
      return head + table(route.attempts, ['priority', 'voiceConnectorId', 'awsRegion', 'outcome']);
    },
    ACCOUNT_FLAG,
  ),

  simple(
    ['clock'],
    'clock [show|advance DURATION|set ISO|freeze|resume|scale N]',
    'Read or move the virtual clock.',
    (ctx) => {
      const action = ctx.positionals[0] ?? 'show';
      switch (action) {
        case 'show':
          return adminCall(ctx, 'GetClock');
        case 'advance':
          return adminCall(ctx, 'ChangeClock', {
            body: { action, by: positional(ctx, 1, 'DURATION') },
          });
        case 'set':
          return adminCall(ctx, 'ChangeClock', {
            body: { action, to: positional(ctx, 1, 'TIME') },
          });
        case 'freeze':
        case 'resume':
          return adminCall(ctx, 'ChangeClock', { body: { action } });
        case 'scale':
          return adminCall(ctx, 'ChangeClock', {
            body: { action, scale: Number(positional(ctx, 1, 'SCALE')) },
          });
        default:
          throw validation(
            `clock ${action} is not a clock command; use show, advance, set, freeze, resume or scale`,
          );
      }
    },
    one,
  ),

  simple(
    ['faults', 'list'],
    'faults list',
    'List fault rules and region outages.',
    async (ctx) => ({
      faults: await adminCall(ctx, 'ListFaults'),
      outages: await adminCall(ctx, 'ListOutages'),
    }),
    (value) => {
      const { faults, outages } = value as { faults: Row[]; outages: Row[] };
      return `${table(faults, ['faultId', 'operation', 'kind', 'rate', 'nth', 'count', 'latencyMs', 'calls'])}outages: ${outages.map((o) => o.awsRegion).join(', ') || '(none)'}\n`;
    },
  ),
  simple(
    ['faults', 'add'],
    'faults add --kind throttle|server-error|reset|latency|claim-failure [--operation OP] (--rate P | --nth N) [--count N] [--latency-ms MS] [--retry-after S]',
    'Inject a fault.',
    (ctx) => {
      const num = (name: string): number | undefined => {
        const value = str(ctx.flags, name);
        return value === undefined ? undefined : Number(value);
      };
      return adminCall(ctx, 'AddFault', {
        body: body(ctx.flags, {
          operation: str(ctx.flags, 'operation') ?? '*',
          kind: str(ctx.flags, 'kind'),
          rate: num('rate'),
          nth: num('nth'),
          count: num('count'),
          latencyMs: num('latency-ms'),
          retryAfterSeconds: num('retry-after'),
        }),
      });
    },
    one,
    {
      kind: { type: 'string' },
      operation: { type: 'string' },
      rate: { type: 'string' },
      nth: { type: 'string' },
      count: { type: 'string' },
      'latency-ms': { type: 'string' },
      'retry-after': { type: 'string' },
      body: { type: 'string' },
    },
  ),
  simple(
    ['faults', 'clear'],
    'faults clear [FAULT_ID]',
    'Remove one or every fault rule.',
    (ctx) => adminCall(ctx, 'ClearFaults', ctx.positionals[0] ? { id: ctx.positionals[0] } : {}),
    one,
  ),
  simple(
    ['faults', 'outage'],
    'faults outage start|end REGION',
    'Start or end a region outage.',
    (ctx) => {
      const action = positional(ctx, 0, 'start or end');
      const region = positional(ctx, 1, 'REGION');
      if (action === 'start') return adminCall(ctx, 'StartOutage', { body: { awsRegion: region } });
      if (action === 'end') return adminCall(ctx, 'EndOutage', { id: region });
      throw validation(`faults outage ${action}: use start or end`);
    },
    (value) => table(value as Row[], ['awsRegion', 'since']),
  ),

  simple(
    ['accounts', 'list'],
    'accounts list',
    'List accounts.',
    (ctx) => adminCall(ctx, 'ListAccounts'),
    (value) => table(value as Row[], ['accountId', 'name', 'numberQuota', 'createdTimestamp']),
  ),
  simple(
    ['accounts', 'create'],
    'accounts create NAME [--quota N]',
    'Create an account; prints its API key once.',
    (ctx) => {
      const quota = str(ctx.flags, 'quota');
      return adminCall(ctx, 'CreateAccount', {
        body: {
          name: positional(ctx, 0, 'NAME'),
          ...(quota ? { numberQuota: Number(quota) } : {}),
        },
      });
    },
    (value) => {
      const made = value as { account: Row; apiKey: string };
      return record({ ...made.account, apiKey: made.apiKey });
    },
    { quota: { type: 'string' } },
  ),
  simple(
    ['accounts', 'set-quota'],
    'accounts set-quota ACCOUNT N',
    'Raise or lower an account’s number quota.',
    (ctx) =>
      adminCall(ctx, 'UpdateAccount', {
        id: positional(ctx, 0, 'ACCOUNT'),
        body: { numberQuota: Number(positional(ctx, 1, 'N')) },
      }),
    one,
  ),

  simple(
    ['state', 'export'],
    'state export [FILE]',
    'Export the whole state as JSON (to FILE or stdout).',
    async (ctx) => {
      const document = await adminCall(ctx, 'ExportState');
      const file = ctx.positionals[0];
      if (file) writeFileSync(file, json(document));
      return file ? { exportedTo: file } : document;
    },
    (value) =>
      (value as { exportedTo?: string }).exportedTo
        ? `exported to ${(value as { exportedTo: string }).exportedTo}\n`
        : json(value),
  ),
  simple(
    ['state', 'import'],
    'state import FILE',
    'Replace the whole state with an export.',
    (ctx) => {
      const file = positional(ctx, 0, 'FILE');
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw validation(
          `cannot read ${file} as JSON (${(error as Error).message}); pass a file made by state export`,
        );
      }
      return adminCall(ctx, 'ImportState', { body: document });
    },
    one,
  ),
  simple(
    ['state', 'reset'],
    'state reset',
    'Empty the store and bootstrap it again.',
    (ctx) => adminCall(ctx, 'ResetState'),
    one,
  ),
];

function connectorFlags(
  flags: Flags,
): { voiceConnectorId: string; priority: number }[] | undefined {
  const list = flags.connector;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((item) => {
    const [id, priority] = item.split(':');
    if (!id || !priority || !/^\d+$/.test(priority)) {
      throw validation(`--connector must be VOICE_CONNECTOR_ID:PRIORITY; got "${item}"`);
    }
    return { voiceConnectorId: id, priority: Number(priority) };
  });
}

import { readFileSync, writeFileSync } from 'node:fs';
import { adminCall, body, one, positional, simple, str, type Command } from './command';
import { usage } from './cli-errors';
import { json, record, table, type Row } from './output';

/** The admin surface: `clock`, `faults`, `accounts`, `state`. */
export const ADMIN_COMMANDS: Command[] = [
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
          throw usage(
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
      throw usage(`faults outage ${action}: use start or end`);
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
        throw usage(
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

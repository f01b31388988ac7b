import { z } from 'zod';
import {
  areaCode,
  channelArn,
  connectTargetArn,
  clientToken,
  e164,
  isoCountryCode,
  numberCapabilities,
  objectId,
  orderId,
  optOutListName,
  phoneNumberId,
  priority,
  registrationId,
  resourceName,
  tags,
} from '../../model/fields';
import { numberProblems, type NumberDeclaration } from '../../model/number-rules';
import { LATEST_CLOCK_MS } from '../domain/clock';
import { validation } from '../../api/errors';
import {
  createAccountRequest,
  FAULT_KINDS,
  faultRuleRequest,
  updateAccountRequest,
} from '../../api/admin-requests';
import {
  AWS_REGIONS,
  CLAIM_STATUSES,
  MESSAGE_TYPES,
  NUMBER_TYPES,
  OWNED_KINDS,
  PRODUCT_TYPES,
  STORED_NUMBER_STATUSES,
} from '../../api/objects';
import { claimOwnershipRequest, optedOutNumberRequest } from '../../api/requests';
import type { DueEventKind } from '../store/due-events';
import type { recordChurn } from '../store/churn';
import { isAccountOperation } from '../../api/operations';
import { checkSettingRow } from './setting-shapes';
import type { StateTable } from './state-transfer';

/**
 * The latest time a stored row may hold: 9011-01-01T00:00:00Z. The clock stops at
 * LATEST_CLOCK_MS (9000-01-01) and the furthest deadline the rules compute from it is ten
 * years of provisioning delay (MAX_PROVISIONING_DELAY_MS); the release path adds 187 days.
 * Eleven years covers both with room, and stays far below the latest time a Date holds
 * (year 275760), so every later `new Date(ms)` and deadline sum stays exact.
 */
export const LATEST_STORED_MS = Date.UTC(new Date(LATEST_CLOCK_MS).getUTCFullYear() + 11, 0, 1);

/** A column: the values it may hold, and what to write instead. */
interface Column {
  readonly shape: z.ZodType;
  readonly fix: string;
}

const hint = (shape: z.ZodType): string => {
  const meta = shape.meta() as { 'x-hint'?: unknown } | undefined;
  return typeof meta?.['x-hint'] === 'string'
    ? meta['x-hint']
    : 'use the value the simulator wrote';
};
const column = (shape: z.ZodType, fix: string = hint(shape)): Column => ({ shape, fix });
const nullable = (c: Column): Column => ({ shape: c.shape.nullable(), fix: `${c.fix}, or null` });
/** A column SQLite fills in when the row leaves it out. */
const defaulted = (c: Column): Column => ({ shape: c.shape.optional(), fix: c.fix });
const oneOf = (values: readonly [string, ...string[]]): Column =>
  column(z.enum(values), `use one of ${values.join(', ')}`);
/** TEXT holding a JSON document of `shape`. */
const json = (shape: z.ZodType, fix: string): Column =>
  column(
    z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'is not JSON text' });
          return z.NEVER;
        }
      })
      .pipe(shape),
    `${fix}, as JSON text`,
  );

const timestamp = column(
  z.number().int().min(0).max(LATEST_STORED_MS),
  `use whole milliseconds since 1970, from 0 to ${LATEST_STORED_MS} (${new Date(LATEST_STORED_MS).toISOString()})`,
);
const flag = column(z.union([z.literal(0), z.literal(1)]), 'use 1 for true or 0 for false');
const count = (min: number): Column =>
  column(z.number().int().min(min), `use a whole number from ${min}`);
const hex64 = column(z.string().regex(/^[0-9a-f]{64}$/), 'use a SHA-256, 64 lowercase hex digits');
const accountId = column(
  z.string().regex(/^\d{12}$/),
  'use the 12-digit account id of an account in the document',
);
const tagsJson = json(tags, `use an object of tag keys to string values (${hint(tags)})`);
const text = column(z.string().min(1), 'use a non-empty string');

// Kinds the store writes, as types only: each list must name every kind, and no other.
const DUE_EVENT_KINDS = Object.keys({
  'activate-number': 0,
  'purge-deletion-queue': 0,
  'expire-failed-claim': 0,
} satisfies Record<DueEventKind, 0>) as [DueEventKind, ...DueEventKind[]];
type ChurnKind = Parameters<typeof recordChurn>[2];
const CHURN_KINDS = Object.keys({ claim: 0, release: 0 } satisfies Record<ChurnKind, 0>) as [
  ChurnKind,
  ...ChurnKind[],
];

/** The faults columns AddFault fills from the request's fields (service/faults.ts). */
const FAULT_RULE_COLUMNS = {
  operation: 'operation',
  kind: 'kind',
  rate: 'rate',
  nth: 'nth',
  count: 'remaining',
  latencyMs: 'latency_ms',
  retryAfterSeconds: 'retry_after_seconds',
} as const satisfies Record<keyof z.infer<typeof faultRuleRequest>, string>;

/** Every column of every table but settings, as the operations write it. */
const ROW_SHAPES: Record<Exclude<StateTable, 'settings'>, Record<string, Column>> = {
  accounts: {
    account_id: accountId,
    name: column(createAccountRequest.shape.name, 'use 1-63 lowercase letters, digits and hyphens'),
    api_key_hash: hex64,
    number_quota: column(updateAccountRequest.shape.numberQuota, 'use a whole number, 0 to 100000'),
    created_at: timestamp,
  },
  voice_connectors: {
    voice_connector_id: column(objectId),
    account_id: accountId,
    name: column(resourceName),
    aws_region: oneOf(AWS_REGIONS),
    require_encryption: flag,
    tags: tagsJson,
    created_at: timestamp,
    updated_at: timestamp,
  },
  voice_connector_groups: {
    voice_connector_group_id: column(objectId),
    account_id: accountId,
    name: column(resourceName),
    created_at: timestamp,
    updated_at: timestamp,
  },
  group_connectors: {
    voice_connector_group_id: column(objectId),
    voice_connector_id: column(objectId),
    priority: column(priority),
  },
  opt_out_lists: {
    account_id: accountId,
    name: column(optOutListName),
    tags: tagsJson,
    created_at: timestamp,
  },
  opted_out_numbers: {
    account_id: accountId,
    list_name: column(optOutListName),
    phone_number: column(
      optedOutNumberRequest.shape.phoneNumber,
      'use E.164 (e.g. +12065550100) or a 5-6 digit short code',
    ),
    opted_out_at: timestamp,
  },
  phone_numbers: {
    phone_number_id: column(phoneNumberId),
    account_id: accountId,
    phone_number: column(e164, 'use E.164 (e.g. +12065550100) or a 5-6 digit short code'),
    status: oneOf(STORED_NUMBER_STATUSES),
    claim_status: oneOf(CLAIM_STATUSES),
    failure_reason: nullable(column(z.string(), 'use a string')),
    iso_country_code: column(isoCountryCode),
    number_type: oneOf(NUMBER_TYPES),
    number_capabilities: json(numberCapabilities, `use an array: ${hint(numberCapabilities)}`),
    message_type: nullable(oneOf(MESSAGE_TYPES)),
    product_type: nullable(oneOf(PRODUCT_TYPES)),
    area_code: nullable(column(areaCode)),
    deletion_protection: flag,
    opt_out_list_name: column(optOutListName),
    self_managed_opt_outs: flag,
    two_way_enabled: flag,
    two_way_channel_arn: nullable(column(channelArn)),
    registration_id: nullable(column(registrationId)),
    voice_connector_id: nullable(column(objectId)),
    voice_connector_group_id: nullable(column(objectId)),
    monthly_leasing_price: text,
    tags: tagsJson,
    created_at: timestamp,
    active_at: nullable(timestamp),
    release_at: nullable(timestamp),
    target_arn: nullable(column(connectTargetArn)),
  },
  phone_number_orders: {
    order_id: column(orderId, 'use the order id CreatePhoneNumberOrder returned'),
    account_id: accountId,
    product_type: oneOf(PRODUCT_TYPES),
    created_at: timestamp,
  },
  phone_number_order_numbers: {
    order_id: column(orderId, 'use the order id of a phone_number_orders row'),
    position: count(0),
    phone_number: column(e164, 'use E.164 (e.g. +12065550100)'),
    phone_number_id: nullable(column(phoneNumberId)),
    failure_reason: nullable(column(z.string(), 'use a string')),
  },
  number_releases: {
    phone_number: column(e164, 'use E.164 (e.g. +12065550100) or a 5-6 digit short code'),
    account_id: accountId,
    released_at: timestamp,
    cool_down_until: timestamp,
  },
  churn_events: { account_id: accountId, kind: oneOf(CHURN_KINDS), at: timestamp },
  idempotency_keys: {
    account_id: accountId,
    operation: column(
      z.string().refine(isAccountOperation, { error: 'is not an account operation' }),
      'use the name of an account operation, e.g. CreatePhoneNumber',
    ),
    client_token: column(clientToken),
    request_hash: hex64,
    object_id: text,
    response: json(z.record(z.string(), z.unknown()), 'use the object the create answered'),
    created_at: timestamp,
  },
  due_events: {
    event_id: defaulted(count(1)),
    due_at: timestamp,
    kind: oneOf(DUE_EVENT_KINDS),
    subject: column(phoneNumberId, 'use the phoneNumberId of the number the event is for'),
  },
  faults: {
    fault_id: defaulted(count(1)),
    operation: column(
      z.string().refine((name) => name === '*' || isAccountOperation(name), {
        error: 'is not an account operation or *',
      }),
      'use the name of an account operation, e.g. CreatePhoneNumber, or * for every operation',
    ),
    kind: oneOf(FAULT_KINDS),
    rate: nullable(column(z.number(), 'use a probability from 0 to 1')),
    nth: nullable(count(1)),
    latency_ms: nullable(count(1)),
    retry_after_seconds: nullable(count(1)),
    remaining: nullable(count(1)),
    calls: defaulted(count(0)),
  },
  region_outages: { aws_region: oneOf(AWS_REGIONS), since: timestamp },
  owners: {
    account_id: accountId,
    kind: oneOf(OWNED_KINDS),
    object_id: text,
    owner: column(
      claimOwnershipRequest.shape.owner,
      'use who holds the object, 1-512 printable characters',
    ),
    claimed_at: timestamp,
  },
};

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'missing';
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

type Issue = z.ZodError['issues'][number];

/** The issue's message, and where in the value it is when that is deeper than the column. */
function issueText(issue: Issue | undefined, depth = 0): string {
  if (!issue) return 'is not valid';
  const path = issue.path.slice(depth);
  return path.length > 0 ? `${issue.message} at ${path.map(String).join('.')}` : issue.message;
}

function refuse(
  table: string,
  index: number,
  what: string,
  value: unknown,
  problem: string,
  fix: string,
): never {
  throw validation(
    `state document table ${table} row ${index} cannot be loaded: ${what} is ${shown(value)} (${problem}); ${fix} (pass a file made by state export)`,
  );
}

/** A faults row as AddFault would have written it: its rule passes AddFault's own request shape. */
function checkFaultRule(row: Record<string, unknown>, index: number): void {
  const rule = Object.fromEntries(
    Object.entries(FAULT_RULE_COLUMNS)
      .filter(([, name]) => row[name] !== null && row[name] !== undefined)
      .map(([field, name]) => [field, row[name]]),
  );
  const parsed = faultRuleRequest.safeParse(rule);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (typeof field === 'string' && Object.hasOwn(FAULT_RULE_COLUMNS, field)) {
    const name = FAULT_RULE_COLUMNS[field as keyof typeof FAULT_RULE_COLUMNS];
    refuse(
      'faults',
      index,
      `column ${name}`,
      row[name],
      issueText(issue, 1),
      `use a ${field} AddFault takes`,
    );
  }
  const columns = Object.values(FAULT_RULE_COLUMNS);
  refuse(
    'faults',
    index,
    `the rule in columns ${columns.join(', ')}`,
    Object.fromEntries(columns.map((c) => [c, row[c] ?? null])),
    issueText(issue),
    'write the rule as AddFault takes it',
  );
}

/** The phone_numbers column of each field the number rules look at. */
const NUMBER_COLUMNS: Record<keyof NumberDeclaration, string> = {
  isoCountryCode: 'iso_country_code',
  numberType: 'number_type',
  numberCapabilities: 'number_capabilities',
  productType: 'product_type',
  areaCode: 'area_code',
  twoWayEnabled: 'two_way_enabled',
  twoWayChannelArn: 'two_way_channel_arn',
  registrationId: 'registration_id',
  voiceConnectorId: 'voice_connector_id',
  voiceConnectorGroupId: 'voice_connector_group_id',
};

/** A number's settings together, held to the rule book as CreatePhoneNumber and UpdatePhoneNumber hold them. */
function checkNumberRules(row: Record<string, unknown>, index: number): void {
  const declared: NumberDeclaration = {
    ...Object.fromEntries(
      Object.entries(NUMBER_COLUMNS).map(([field, name]) => [field, row[name] ?? undefined]),
    ),
    // The columns were checked above: capabilities are JSON text, flags 0 or 1.
    numberCapabilities: JSON.parse(String(row.number_capabilities)) as unknown,
    twoWayEnabled: row.two_way_enabled === 1,
  };
  const [problem] = numberProblems(declared, {
    fieldName: (field) => NUMBER_COLUMNS[field as keyof NumberDeclaration] ?? field,
  });
  if (!problem) return;
  const name = String(problem.path[0]);
  refuse('phone_numbers', index, `column ${name}`, row[name], problem.message, problem.fix);
}

/**
 * Fails, naming the table, the row (1-based within its table), the column, the value and
 * the fix, unless `row` holds what the operations could have written to `table`.
 */
export function checkRow(table: StateTable, row: Record<string, unknown>, index: number): void {
  if (table === 'settings') {
    checkSettingRow(row, index);
    return;
  }
  for (const [name, { shape, fix }] of Object.entries(ROW_SHAPES[table])) {
    const parsed = shape.safeParse(row[name]);
    if (!parsed.success) {
      refuse(table, index, `column ${name}`, row[name], issueText(parsed.error.issues[0]), fix);
    }
  }
  if (table === 'faults') checkFaultRule(row, index);
  if (table === 'phone_numbers') checkNumberRules(row, index);
}

import { smsVoiceArn } from '../../model/arns';
import { sql, type Db } from './database';
import { afterKey, type KeyPart, type RowWindow } from './keyset';
import type { PhoneNumberFilters } from '../../api/requests';
import type {
  ClaimStatus,
  MessageType,
  NumberCapability,
  NumberStatus,
  NumberType,
  PhoneNumber,
  ProductType,
  Tags,
} from '../../api/objects';

/** A phone number as stored: the API shape plus its owner and times as epoch ms. */
export interface PhoneNumberRow {
  phone_number_id: string;
  account_id: string;
  phone_number: string;
  status: string;
  claim_status: string;
  failure_reason: string | null;
  iso_country_code: string;
  number_type: string;
  number_capabilities: string;
  message_type: string | null;
  product_type: string | null;
  area_code: string | null;
  deletion_protection: number;
  opt_out_list_name: string;
  self_managed_opt_outs: number;
  two_way_enabled: number;
  two_way_channel_arn: string | null;
  registration_id: string | null;
  voice_connector_id: string | null;
  voice_connector_group_id: string | null;
  monthly_leasing_price: string;
  tags: string;
  created_at: number;
  active_at: number | null;
  release_at: number | null;
  target_arn: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const epoch = (text: string | null): number | null => (text === null ? null : Date.parse(text));

export function numberFromRow(row: PhoneNumberRow, accountNumber: string): PhoneNumber {
  return {
    phoneNumberId: row.phone_number_id,
    phoneNumber: row.phone_number,
    arn: smsVoiceArn('phone-number', accountNumber, row.phone_number_id),
    status: row.status as NumberStatus,
    claimStatus: row.claim_status as ClaimStatus,
    failureReason: row.failure_reason,
    isoCountryCode: row.iso_country_code,
    numberType: row.number_type as NumberType,
    numberCapabilities: JSON.parse(row.number_capabilities) as NumberCapability[],
    // Stores made before messageType had its default hold NULL: it reads TRANSACTIONAL.
    messageType: (row.message_type ?? 'TRANSACTIONAL') as MessageType,
    productType: row.product_type as ProductType | null,
    areaCode: row.area_code,
    deletionProtectionEnabled: row.deletion_protection === 1,
    optOutListName: row.opt_out_list_name,
    selfManagedOptOutsEnabled: row.self_managed_opt_outs === 1,
    twoWayEnabled: row.two_way_enabled === 1,
    twoWayChannelArn: row.two_way_channel_arn,
    registrationId: row.registration_id,
    voiceConnectorId: row.voice_connector_id,
    voiceConnectorGroupId: row.voice_connector_group_id,
    monthlyLeasingPrice: row.monthly_leasing_price,
    tags: JSON.parse(row.tags) as Tags,
    createdTimestamp: iso(row.created_at) ?? '',
    activeAt: iso(row.active_at),
    releaseAt: iso(row.release_at),
    targetArn: row.target_arn ?? null,
  };
}

export function rowFromNumber(number: PhoneNumber, accountId: string): PhoneNumberRow {
  return {
    phone_number_id: number.phoneNumberId,
    account_id: accountId,
    phone_number: number.phoneNumber,
    status: number.status,
    claim_status: number.claimStatus,
    failure_reason: number.failureReason,
    iso_country_code: number.isoCountryCode,
    number_type: number.numberType,
    number_capabilities: JSON.stringify([...number.numberCapabilities].sort()),
    message_type: number.messageType,
    product_type: number.productType,
    area_code: number.areaCode,
    deletion_protection: number.deletionProtectionEnabled ? 1 : 0,
    opt_out_list_name: number.optOutListName,
    self_managed_opt_outs: number.selfManagedOptOutsEnabled ? 1 : 0,
    two_way_enabled: number.twoWayEnabled ? 1 : 0,
    two_way_channel_arn: number.twoWayChannelArn,
    registration_id: number.registrationId,
    voice_connector_id: number.voiceConnectorId,
    voice_connector_group_id: number.voiceConnectorGroupId,
    monthly_leasing_price: number.monthlyLeasingPrice,
    tags: JSON.stringify(number.tags),
    created_at: epoch(number.createdTimestamp) ?? 0,
    active_at: epoch(number.activeAt),
    release_at: epoch(number.releaseAt),
    target_arn: number.targetArn,
  };
}

const COLUMNS = [
  'phone_number_id',
  'account_id',
  'phone_number',
  'status',
  'claim_status',
  'failure_reason',
  'iso_country_code',
  'number_type',
  'number_capabilities',
  'message_type',
  'product_type',
  'area_code',
  'deletion_protection',
  'opt_out_list_name',
  'self_managed_opt_outs',
  'two_way_enabled',
  'two_way_channel_arn',
  'registration_id',
  'voice_connector_id',
  'voice_connector_group_id',
  'monthly_leasing_price',
  'tags',
  'created_at',
  'active_at',
  'release_at',
  'target_arn',
] as const;

export function insertNumberRow(db: Db, row: PhoneNumberRow): void {
  sql(
    db,
    `INSERT INTO phone_numbers (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

/**
 * Writes the columns of `row` that differ from the stored row (none: no write). Setting
 * only those keeps SQLite from rewriting the entries of every index on the table, which at
 * ten thousand numbers is most of an update's cost.
 */
export function updateNumberRow(db: Db, row: PhoneNumberRow): void {
  const stored = findNumberRowById(db, row.phone_number_id);
  const changed = COLUMNS.filter((c) => c !== 'phone_number_id' && stored?.[c] !== row[c]);
  if (stored && changed.length === 0) return;
  const columns = stored ? changed : COLUMNS.filter((c) => c !== 'phone_number_id');
  sql(
    db,
    `UPDATE phone_numbers SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE phone_number_id = @phone_number_id`,
  ).run(Object.fromEntries([...columns, 'phone_number_id' as const].map((c) => [c, row[c]])));
}

export function findNumberRow(db: Db, accountId: string, id: string): PhoneNumberRow | undefined {
  return sql(db, 'SELECT * FROM phone_numbers WHERE account_id = ? AND phone_number_id = ?').get(
    accountId,
    id,
  ) as PhoneNumberRow | undefined;
}

export function findNumberRowByNumber(db: Db, phoneNumber: string): PhoneNumberRow | undefined {
  return sql(db, 'SELECT * FROM phone_numbers WHERE phone_number = ?').get(phoneNumber) as
    PhoneNumberRow | undefined;
}

export function findNumberRowById(db: Db, id: string): PhoneNumberRow | undefined {
  return sql(db, 'SELECT * FROM phone_numbers WHERE phone_number_id = ?').get(id) as
    PhoneNumberRow | undefined;
}

export function deleteNumberRow(db: Db, id: string): void {
  sql(db, 'DELETE FROM phone_numbers WHERE phone_number_id = ?').run(id);
}

/** The sort key of a numbers list: creation time, then id (unique, so no row is seen twice). */
export const NUMBER_KEY_COLUMNS = ['created_at', 'phone_number_id'] as const;
export const numberKey = (row: PhoneNumberRow): KeyPart[] => [row.created_at, row.phone_number_id];

/** Filter name → the column it tests; booleans are stored as 0/1. */
const FILTER_COLUMNS: Record<Exclude<keyof PhoneNumberFilters, 'number-capability'>, string> = {
  status: 'status',
  'iso-country-code': 'iso_country_code',
  'message-type': "COALESCE(message_type, 'TRANSACTIONAL')",
  'number-type': 'number_type',
  'two-way-enabled': 'two_way_enabled',
  'self-managed-opt-outs-enabled': 'self_managed_opt_outs',
  'opt-out-list-name': 'opt_out_list_name',
  'deletion-protection-enabled': 'deletion_protection',
};
const BOOLEAN_FILTERS: ReadonlySet<string> = new Set([
  'two-way-enabled',
  'self-managed-opt-outs-enabled',
  'deletion-protection-enabled',
]);

/**
 * One page of an account's numbers that pass `filters`, in key order after `window.after`.
 * The filters are part of the query, before its LIMIT: values of one filter are
 * alternatives, different filters must all hold (a number stored without a message type
 * is TRANSACTIONAL). Each filter's values are one JSON parameter, so the statement's
 * text depends only on which filters are given.
 */
export function pageOfNumberRows(
  db: Db,
  accountId: string,
  filters: PhoneNumberFilters,
  window: RowWindow,
): PhoneNumberRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [name, column] of Object.entries(FILTER_COLUMNS)) {
    const values = filters[name as keyof typeof FILTER_COLUMNS];
    if (!values) continue;
    where.push(` AND ${column} IN (SELECT value FROM json_each(?))`);
    params.push(
      JSON.stringify(
        BOOLEAN_FILTERS.has(name) ? values.map((v) => (v === 'true' ? 1 : 0)) : values,
      ),
    );
  }
  if (filters['number-capability']) {
    where.push(
      ' AND EXISTS (SELECT 1 FROM json_each(number_capabilities) AS held WHERE held.value IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(filters['number-capability']));
  }
  const after = afterKey(NUMBER_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT * FROM phone_numbers WHERE account_id = ?${after.clause}${where.join('')}
     ORDER BY ${NUMBER_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, ...after.params, ...params, window.limit) as PhoneNumberRow[];
}

/**
 * Numbers that count against the inventory quota: all the account holds but failed claims.
 * Kept by triggers on phone_numbers (migration 2), so reading it does not count rows.
 */
export function inventoryCount(db: Db, accountId: string): number {
  const row = sql(db, 'SELECT held FROM inventory_counts WHERE account_id = ?').get(accountId) as
    { held: number } | undefined;
  return row?.held ?? 0;
}

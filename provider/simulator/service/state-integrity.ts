import {
  DEFAULT_OPT_OUT_LIST,
  MAX_CONNECTORS_PER_GROUP,
  MAX_GROUPS_PER_ACCOUNT,
} from '../../model/limits';
import { validation } from '../../api/errors';
import type { OWNED_KINDS } from '../../api/objects';
import type { Db } from '../store/database';
import type { StateTable } from './state-transfer';

type Row = Record<string, unknown>;

/**
 * A rule across rows that SQLite's own constraints do not hold. `sql` selects the offending
 * rows: the `key` columns of the row at fault (which name it, and by which it is found in
 * the document, so the error can give its position) and whatever `problem` needs.
 */
interface Check {
  readonly table: StateTable;
  readonly key: readonly string[];
  readonly column: string;
  readonly sql: string;
  readonly problem: (found: Row) => string;
}

/** Where each kind of owned object lives, and the column its id is in. */
const OWNED_OBJECTS: Record<(typeof OWNED_KINDS)[number], { table: string; id: string }> = {
  PhoneNumber: { table: 'phone_numbers', id: 'phone_number_id' },
  VoiceConnector: { table: 'voice_connectors', id: 'voice_connector_id' },
  VoiceConnectorGroup: { table: 'voice_connector_groups', id: 'voice_connector_group_id' },
  OptOutList: { table: 'opt_out_lists', id: 'name' },
};

/** Tables whose rows name an account without a foreign key to it. */
const ACCOUNT_ROWS = [
  { table: 'number_releases', key: ['account_id', 'phone_number'] },
  { table: 'churn_events', key: ['account_id', 'kind', 'at'] },
  { table: 'idempotency_keys', key: ['account_id', 'operation', 'client_token'] },
] as const;

const CHECKS: readonly Check[] = [
  // First: without its Default list, every number of the account on it would be refused.
  {
    table: 'accounts',
    key: ['account_id'],
    column: 'account_id',
    sql: `SELECT a.account_id FROM accounts a WHERE NOT EXISTS
            (SELECT 1 FROM opt_out_lists l WHERE l.account_id = a.account_id AND l.name = '${DEFAULT_OPT_OUT_LIST}')`,
    problem: (f) =>
      `account ${JSON.stringify(f.account_id)} has no ${DEFAULT_OPT_OUT_LIST} opt-out list, which every account has; add its row to table opt_out_lists`,
  },
  {
    table: 'phone_numbers',
    key: ['phone_number_id'],
    column: 'voice_connector_id',
    sql: `SELECT p.phone_number_id, p.account_id, p.voice_connector_id AS value, c.account_id AS other
          FROM phone_numbers p JOIN voice_connectors c ON c.voice_connector_id = p.voice_connector_id
          WHERE c.account_id != p.account_id`,
    problem: (f) =>
      `${JSON.stringify(f.value)} is a voice connector of account ${String(f.other)}, not of the number's account ${String(f.account_id)}; assign a number only to a connector of its own account`,
  },
  {
    table: 'phone_numbers',
    key: ['phone_number_id'],
    column: 'voice_connector_group_id',
    sql: `SELECT p.phone_number_id, p.account_id, p.voice_connector_group_id AS value, g.account_id AS other
          FROM phone_numbers p
          JOIN voice_connector_groups g ON g.voice_connector_group_id = p.voice_connector_group_id
          WHERE g.account_id != p.account_id`,
    problem: (f) =>
      `${JSON.stringify(f.value)} is a voice connector group of account ${String(f.other)}, not of the number's account ${String(f.account_id)}; assign a number only to a group of its own account`,
  },
  {
    table: 'group_connectors',
    key: ['voice_connector_group_id', 'voice_connector_id'],
    column: 'voice_connector_id',
    sql: `SELECT m.voice_connector_group_id, m.voice_connector_id, g.account_id AS mine, c.account_id AS other
          FROM group_connectors m
          JOIN voice_connector_groups g ON g.voice_connector_group_id = m.voice_connector_group_id
          JOIN voice_connectors c ON c.voice_connector_id = m.voice_connector_id
          WHERE c.account_id != g.account_id`,
    problem: (f) =>
      `${JSON.stringify(f.voice_connector_id)} is a voice connector of account ${String(f.other)}, but the group belongs to account ${String(f.mine)}; a group holds only connectors of its own account`,
  },
  {
    table: 'phone_numbers',
    key: ['phone_number_id'],
    column: 'opt_out_list_name',
    sql: `SELECT p.phone_number_id, p.account_id, p.opt_out_list_name AS value FROM phone_numbers p
          WHERE NOT EXISTS (SELECT 1 FROM opt_out_lists l
                            WHERE l.account_id = p.account_id AND l.name = p.opt_out_list_name)`,
    problem: (f) =>
      `${JSON.stringify(f.value)} is not an opt-out list of the number's account ${String(f.account_id)}; name one of its lists in table opt_out_lists, or ${DEFAULT_OPT_OUT_LIST}`,
  },
  {
    table: 'owners',
    key: ['account_id', 'kind', 'object_id'],
    column: 'object_id',
    sql: `SELECT o.account_id, o.kind, o.object_id FROM owners o WHERE NOT CASE o.kind
          ${Object.entries(OWNED_OBJECTS)
            .map(
              ([kind, { table, id }]) =>
                `WHEN '${kind}' THEN EXISTS (SELECT 1 FROM ${table} x WHERE x.account_id = o.account_id AND x.${id} = o.object_id)`,
            )
            .join('\n          ')}
          ELSE 0 END`,
    problem: (f) =>
      `${JSON.stringify(f.object_id)} names no ${String(f.kind)} of account ${String(f.account_id)}; an owners row claims an object of its own account, so remove the row or fix object_id`,
  },
  {
    table: 'voice_connector_groups',
    key: ['voice_connector_group_id'],
    column: 'account_id',
    sql: `SELECT g.voice_connector_group_id, g.account_id FROM voice_connector_groups g
          WHERE (SELECT COUNT(*) FROM voice_connector_groups o WHERE o.account_id = g.account_id
                   AND (o.created_at, o.voice_connector_group_id) <= (g.created_at, g.voice_connector_group_id))
                > ${MAX_GROUPS_PER_ACCOUNT}`,
    problem: (f) =>
      `account ${String(f.account_id)} would hold more than ${MAX_GROUPS_PER_ACCOUNT} voice connector groups, which an account never does; remove the groups past the ${MAX_GROUPS_PER_ACCOUNT}rd`,
  },
  {
    table: 'group_connectors',
    key: ['voice_connector_group_id', 'voice_connector_id'],
    column: 'voice_connector_group_id',
    sql: `SELECT m.voice_connector_group_id, m.voice_connector_id FROM group_connectors m
          WHERE (SELECT COUNT(*) FROM group_connectors o
                   WHERE o.voice_connector_group_id = m.voice_connector_group_id
                     AND o.priority <= m.priority) > ${MAX_CONNECTORS_PER_GROUP}`,
    problem: (f) =>
      `group ${JSON.stringify(f.voice_connector_group_id)} would hold more than ${MAX_CONNECTORS_PER_GROUP} voice connectors, which a group never does; remove the members past the ${MAX_CONNECTORS_PER_GROUP}rd`,
  },
  ...ACCOUNT_ROWS.map(({ table, key }): Check => ({
    table,
    key,
    column: 'account_id',
    sql: `SELECT ${key.join(', ')} FROM ${table} t
            WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = t.account_id)`,
    problem: (f) =>
      `${JSON.stringify(f.account_id)} is not an account in table accounts; remove the row or name its account`,
  })),
];

/**
 * Fails on the first rule broken across the rows an import has inserted (run in its
 * transaction, after every row): references that cross accounts, and objects named that do
 * not exist. The error names the table, the row (1-based, in the document), its key, the
 * column and the fix.
 */
export function checkIntegrity(db: Db, tables: Readonly<Record<string, readonly Row[]>>): void {
  for (const check of CHECKS) {
    const found = db.prepare(check.sql).all() as Row[];
    const rows = tables[check.table] ?? [];
    // The rows were inserted from the document, so each is found there.
    const first = found
      .map((f) => ({
        found: f,
        index: rows.findIndex((row) => check.key.every((c) => row[c] === f[c])),
      }))
      .sort((a, b) => a.index - b.index)[0];
    if (!first) continue;
    const key = check.key.map((c) => `${c} ${JSON.stringify(first.found[c])}`).join(', ');
    throw validation(
      `state document table ${check.table} row ${first.index + 1} (${key}) column ${check.column}: ${check.problem(first.found)} (pass a file made by state export)`,
    );
  }
}

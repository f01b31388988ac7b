import { smsVoiceArn } from '../../model/arns';
import { sql, type Db } from './database';
import { afterKey, type KeyPart, type RowWindow } from './keyset';
import type { OptOutList, Tags } from '../../api/objects';

export interface OptOutListRow {
  account_id: string;
  name: string;
  tags: string;
  created_at: number;
}

export function listFromRow(
  row: OptOutListRow,
  optedOutCount: number,
  accountNumber: string,
): OptOutList {
  return {
    optOutListName: row.name,
    arn: smsVoiceArn('opt-out-list', accountNumber, row.name),
    optedOutCount,
    tags: JSON.parse(row.tags) as Tags,
    createdTimestamp: new Date(row.created_at).toISOString(),
  };
}

export function insertListRow(db: Db, row: OptOutListRow): void {
  sql(
    db,
    'INSERT INTO opt_out_lists (account_id, name, tags, created_at) VALUES (@account_id, @name, @tags, @created_at)',
  ).run(row);
}

export function findListRow(db: Db, accountId: string, name: string): OptOutListRow | undefined {
  return sql(db, 'SELECT * FROM opt_out_lists WHERE account_id = ? AND name = ?').get(
    accountId,
    name,
  ) as OptOutListRow | undefined;
}

/** The sort key of an opt-out lists list: creation time, then name (unique in an account). */
export const LIST_KEY_COLUMNS = ['created_at', 'name'] as const;
export const listKey = (row: OptOutListRow): KeyPart[] => [row.created_at, row.name];

/** One page of an account's opt-out lists, in key order after `window.after`. */
export function pageOfListRows(db: Db, accountId: string, window: RowWindow): OptOutListRow[] {
  const after = afterKey(LIST_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT * FROM opt_out_lists WHERE account_id = ?${after.clause}
     ORDER BY ${LIST_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, ...after.params, window.limit) as OptOutListRow[];
}

export function deleteListRow(db: Db, accountId: string, name: string): void {
  sql(db, 'DELETE FROM opt_out_lists WHERE account_id = ? AND name = ?').run(accountId, name);
}

export function optedOutCount(db: Db, accountId: string, name: string): number {
  return (
    sql(
      db,
      'SELECT COUNT(*) AS n FROM opted_out_numbers WHERE account_id = ? AND list_name = ?',
    ).get(accountId, name) as { n: number }
  ).n;
}

/** Numbers on a list the account made (the built-in Default list is never asked about). */
export function numbersUsingList(db: Db, accountId: string, name: string): string[] {
  // The literal `!= 'Default'` lets SQLite use the partial index of migration 2.
  return (
    sql(
      db,
      `SELECT phone_number FROM phone_numbers
       WHERE account_id = ? AND opt_out_list_name = ? AND opt_out_list_name != 'Default'
       ORDER BY 1`,
    ).all(accountId, name) as { phone_number: string }[]
  ).map((row) => row.phone_number);
}

export function putOptedOut(
  db: Db,
  accountId: string,
  name: string,
  phoneNumber: string,
  atMs: number,
): void {
  sql(
    db,
    'INSERT OR IGNORE INTO opted_out_numbers (account_id, list_name, phone_number, opted_out_at) VALUES (?, ?, ?, ?)',
  ).run(accountId, name, phoneNumber, atMs);
}

/** The number's row on the list, if it is there. */
export function findOptedOut(
  db: Db,
  accountId: string,
  name: string,
  phoneNumber: string,
): OptedOutRow | undefined {
  return sql(
    db,
    'SELECT phone_number, opted_out_at FROM opted_out_numbers WHERE account_id = ? AND list_name = ? AND phone_number = ?',
  ).get(accountId, name, phoneNumber) as OptedOutRow | undefined;
}

export function deleteOptedOut(db: Db, accountId: string, name: string, phoneNumber: string): void {
  sql(
    db,
    'DELETE FROM opted_out_numbers WHERE account_id = ? AND list_name = ? AND phone_number = ?',
  ).run(accountId, name, phoneNumber);
}

export interface OptedOutRow {
  phone_number: string;
  opted_out_at: number;
}

/** The sort key of a list's opted-out numbers: the number (unique in a list). */
export const OPTED_OUT_KEY_COLUMNS = ['phone_number'] as const;
export const optedOutKey = (row: OptedOutRow): KeyPart[] => [row.phone_number];

export function optedOutFromRow(row: OptedOutRow): {
  phoneNumber: string;
  optedOutTimestamp: string;
} {
  return {
    phoneNumber: row.phone_number,
    optedOutTimestamp: new Date(row.opted_out_at).toISOString(),
  };
}

/** One page of a list's opted-out numbers, by number, after `window.after` (the primary key's order). */
export function pageOfOptedOutRows(
  db: Db,
  accountId: string,
  name: string,
  window: RowWindow,
): OptedOutRow[] {
  const after = afterKey(OPTED_OUT_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT phone_number, opted_out_at FROM opted_out_numbers
     WHERE account_id = ? AND list_name = ?${after.clause}
     ORDER BY ${OPTED_OUT_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, name, ...after.params, window.limit) as OptedOutRow[];
}

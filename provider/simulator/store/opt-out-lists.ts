import { sql, type Db } from './database';
import type { OptOutList, Tags } from '../domain/types';

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
    arn: `arn:aws:sms-voice:us-east-1:${accountNumber}:opt-out-list/${row.name}`,
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

export function accountListRows(db: Db, accountId: string): OptOutListRow[] {
  return sql(db, 'SELECT * FROM opt_out_lists WHERE account_id = ? ORDER BY created_at, name').all(
    accountId,
  ) as OptOutListRow[];
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

export function numbersUsingList(db: Db, accountId: string, name: string): string[] {
  return (
    sql(
      db,
      'SELECT phone_number FROM phone_numbers WHERE account_id = ? AND opt_out_list_name = ? ORDER BY 1',
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

export function optedOutNumbers(
  db: Db,
  accountId: string,
  name: string,
): { phoneNumber: string; optedOutTimestamp: string }[] {
  return (
    sql(
      db,
      'SELECT phone_number, opted_out_at FROM opted_out_numbers WHERE account_id = ? AND list_name = ? ORDER BY phone_number',
    ).all(accountId, name) as { phone_number: string; opted_out_at: number }[]
  ).map((row) => ({
    phoneNumber: row.phone_number,
    optedOutTimestamp: new Date(row.opted_out_at).toISOString(),
  }));
}

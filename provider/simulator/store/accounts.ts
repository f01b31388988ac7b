import { createHash } from 'node:crypto';
import { sql, type Db } from './database';
import type { Account } from '../../api/objects';

export interface AccountRow {
  account_id: string;
  name: string;
  api_key_hash: string;
  number_quota: number;
  created_at: number;
}

/** API keys are stored only as SHA-256 hashes. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

export function accountFromRow(row: AccountRow): Account {
  return {
    accountId: row.account_id,
    name: row.name,
    numberQuota: row.number_quota,
    createdTimestamp: new Date(row.created_at).toISOString(),
  };
}

export function insertAccountRow(db: Db, row: AccountRow): void {
  sql(
    db,
    'INSERT INTO accounts (account_id, name, api_key_hash, number_quota, created_at) VALUES (@account_id, @name, @api_key_hash, @number_quota, @created_at)',
  ).run(row);
}

export function findAccountByKey(db: Db, apiKey: string): AccountRow | undefined {
  return sql(db, 'SELECT * FROM accounts WHERE api_key_hash = ?').get(hashApiKey(apiKey)) as
    AccountRow | undefined;
}

export function findAccountRow(db: Db, accountId: string): AccountRow | undefined {
  return sql(db, 'SELECT * FROM accounts WHERE account_id = ?').get(accountId) as
    AccountRow | undefined;
}

export function findAccountByName(db: Db, name: string): AccountRow | undefined {
  return sql(db, 'SELECT * FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
}

export function allAccountRows(db: Db): AccountRow[] {
  return sql(db, 'SELECT * FROM accounts ORDER BY created_at, account_id').all() as AccountRow[];
}

export function setAccountQuota(db: Db, accountId: string, quota: number): void {
  sql(db, 'UPDATE accounts SET number_quota = ? WHERE account_id = ?').run(quota, accountId);
}

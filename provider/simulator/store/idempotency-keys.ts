import { sql, type Db } from './database';

export interface IdempotencyRecord {
  request_hash: string;
  object_id: string;
  response: string;
}

export function findIdempotencyRecord(
  db: Db,
  accountId: string,
  operation: string,
  clientToken: string,
): IdempotencyRecord | undefined {
  return sql(
    db,
    'SELECT request_hash, object_id, response FROM idempotency_keys WHERE account_id = ? AND operation = ? AND client_token = ?',
  ).get(accountId, operation, clientToken) as IdempotencyRecord | undefined;
}

export function saveIdempotencyRecord(
  db: Db,
  accountId: string,
  operation: string,
  clientToken: string,
  record: IdempotencyRecord,
  atMs: number,
): void {
  sql(
    db,
    'INSERT INTO idempotency_keys (account_id, operation, client_token, request_hash, object_id, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    accountId,
    operation,
    clientToken,
    record.request_hash,
    record.object_id,
    record.response,
    atMs,
  );
}

export function deleteIdempotencyRecord(
  db: Db,
  accountId: string,
  operation: string,
  clientToken: string,
): void {
  sql(
    db,
    'DELETE FROM idempotency_keys WHERE account_id = ? AND operation = ? AND client_token = ?',
  ).run(accountId, operation, clientToken);
}

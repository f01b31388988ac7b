import { createAccountRequest, updateAccountRequest } from '../../api/admin-requests';
import { conflict, notFound, validation } from '../../api/errors';
import { newAccountId, newApiKey } from '../domain/ids';
import { parseRequest } from '../../api/parse-request';
import type { Account } from '../../api/objects';
import {
  accountFromRow,
  allAccountRows,
  findAccountByName,
  findAccountRow,
  hashApiKey,
  insertAccountRow,
  setAccountQuota,
  type AccountRow,
} from '../store/accounts';
import type { Db } from '../store/database';
import { insertListRow } from '../store/opt-out-lists';
import { DEFAULT_NUMBER_QUOTA, DEFAULT_OPT_OUT_LIST } from '../../model/limits';

/** Chime's default inventory quota. */

/** Makes an account with its built-in Default opt-out list; returns its API key once. */
export function createAccount(
  db: Db,
  body: unknown,
  nowMs: number,
  refuseKeys: ReadonlySet<string> = new Set(),
): { account: Account; apiKey: string } {
  const request = parseRequest(createAccountRequest, body, 'CreateAccount request');
  if (request.apiKey !== undefined && refuseKeys.has(request.apiKey)) {
    throw validation(
      'apiKey is a well-known default key, which anyone may know, and this server takes connections from other machines; leave apiKey out for a random one, or choose one of your own',
    );
  }
  const apiKey = request.apiKey ?? newApiKey();
  return {
    account: insertAccount(
      db,
      request.name,
      hashApiKey(apiKey),
      nowMs,
      request.numberQuota ?? DEFAULT_NUMBER_QUOTA,
    ),
    apiKey,
  };
}

/** Inserts an account by the hash of its key, with its Default opt-out list. */
export function insertAccount(
  db: Db,
  name: string,
  apiKeyHash: string,
  nowMs: number,
  numberQuota: number = DEFAULT_NUMBER_QUOTA,
): Account {
  if (findAccountByName(db, name)) {
    throw conflict(`account "${name}" already exists; choose another name`);
  }
  const row: AccountRow = {
    account_id: newAccountId(),
    name,
    api_key_hash: apiKeyHash,
    number_quota: numberQuota,
    created_at: nowMs,
  };
  try {
    insertAccountRow(db, row);
  } catch {
    throw conflict('that API key is already in use by another account; choose another');
  }
  insertListRow(db, {
    account_id: row.account_id,
    name: DEFAULT_OPT_OUT_LIST,
    tags: '{}',
    created_at: nowMs,
  });
  return accountFromRow(row);
}

export function listAccounts(db: Db): Account[] {
  return allAccountRows(db).map(accountFromRow);
}

/** Finds an account by id or by name. */
export function resolveAccount(db: Db, idOrName: string): AccountRow {
  const row = findAccountRow(db, idOrName) ?? findAccountByName(db, idOrName);
  if (!row)
    throw notFound(`account "${idOrName}" does not exist; list accounts to find its id or name`);
  return row;
}

export function updateAccount(db: Db, idOrName: string, body: unknown): Account {
  const request = parseRequest(updateAccountRequest, body, 'UpdateAccount request');
  const row = resolveAccount(db, idOrName);
  setAccountQuota(db, row.account_id, request.numberQuota);
  return accountFromRow({ ...row, number_quota: request.numberQuota });
}

import { createHmac, randomBytes } from 'node:crypto';
import { validation } from '../../api/errors';
import { requestDigest } from '../domain/ids';
import { listRequest } from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { Page } from '../../api/objects';
import type { Db } from '../store/database';
import type { KeyPart, RowWindow } from '../store/keyset';
import { readSetting, writeSetting } from '../store/settings';

/** The setting that holds the secret page tokens are sealed with (made on first use). */
export const PAGE_TOKEN_SECRET_SETTING = 'page-token-secret';

/** The store's page-token secret, made the first time a list needs it (in its transaction). */
function tokenSecret(db: Db): string {
  const secret = readSetting<unknown>(db, PAGE_TOKEN_SECRET_SETTING);
  if (typeof secret === 'string') return secret;
  const made = randomBytes(32).toString('hex');
  writeSetting(db, PAGE_TOKEN_SECRET_SETTING, made);
  return made;
}

export const DEFAULT_PAGE_SIZE = 100;

/** What a page token is good for: one account's one list, asked with the same filters. */
export interface ListScope {
  /** The list operation, e.g. `ListPhoneNumbers`. */
  readonly list: string;
  /** The object whose list it is, for lists inside one (an opt-out list's numbers). */
  readonly within?: string;
  readonly accountId: string;
  /** The filters the list was asked with (already validated); none for unfiltered lists. */
  readonly filters?: Readonly<Record<string, readonly string[] | undefined>>;
  /** The sort key's parts, in order: which are numbers (times) and which strings (ids). */
  readonly key: readonly ('number' | 'string')[];
}

const TOKEN_VERSION = 'numberplane-page-v1';
const SEAL_CHARS = 16;

/** Filters as a token compares them: values of each filter sorted and unique, none empty. */
function normalFilters(filters: ListScope['filters']): Record<string, string[]> {
  const normal: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(filters ?? {})) {
    if (values && values.length > 0) normal[name] = [...new Set(values)].sort();
  }
  return normal;
}

function seal(secret: string, scope: ListScope, payload: string): string {
  const scopeDigest = requestDigest([
    TOKEN_VERSION,
    scope.list,
    scope.within ?? null,
    scope.accountId,
    normalFilters(scope.filters),
  ]);
  return createHmac('sha256', secret)
    .update(`${scopeDigest}.${payload}`)
    .digest('base64url')
    .slice(0, SEAL_CHARS);
}

/**
 * The token of the page after the row whose key is `key`: the key as base64url JSON, a
 * dot, and a seal binding it to the account, the list and its filters: an HMAC with a
 * secret the store keeps, so only this store can make a token it accepts (a garbled or
 * forged token, or one from another list, account or set of filters, is refused). The key
 * itself is not secret: a token only says where a listing of the caller's own objects resumes.
 */
export function encodePageToken(db: Db, key: readonly KeyPart[], scope: ListScope): string {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${seal(tokenSecret(db), scope, payload)}`;
}

/** The key a token resumes after; a ValidationException naming nextToken if it is not one of ours. */
export function decodePageToken(db: Db, token: string, scope: ListScope): KeyPart[] {
  const refuse = () =>
    validation(
      `nextToken is not a token this API issued for ${scope.list}${
        Object.keys(normalFilters(scope.filters)).length > 0 ? ' with these filters' : ''
      }; pass nextToken back unchanged, with the same request that returned it`,
    );
  const [payload, given, ...rest] = token.split('.');
  if (!payload || !given || rest.length > 0 || seal(tokenSecret(db), scope, payload) !== given) {
    throw refuse();
  }
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const valid =
    Array.isArray(key) &&
    key.length === scope.key.length &&
    key.every((part: unknown, i) =>
      scope.key[i] === 'number'
        ? typeof part === 'number' && Number.isSafeInteger(part)
        : typeof part === 'string' && part.length <= 256,
    );
  if (!valid) throw refuse();
  return key as KeyPart[];
}

/**
 * One page of a list, done in the store: reads at most maxResults + 1 rows after the key
 * `nextToken` holds (the extra row says whether another page follows), and hands out the
 * key of the page's last row as the next token. A row added or removed between pages never
 * makes another one be skipped or seen twice: the next page starts after a key, not at an
 * offset.
 */
export function listPage<R, T>(
  db: Db,
  page: unknown,
  scope: ListScope,
  read: (window: RowWindow) => R[],
  keyOf: (row: R) => KeyPart[],
  view: (row: R) => T,
): Page<T> {
  const request = parseRequest(listRequest, page ?? {}, 'paging');
  const size = request.maxResults ?? DEFAULT_PAGE_SIZE;
  const after = request.nextToken ? decodePageToken(db, request.nextToken, scope) : undefined;
  const rows = read({ after, limit: size + 1 });
  const items = rows.slice(0, size).map(view);
  const last = rows[size - 1];
  return rows.length > size && last !== undefined
    ? { items, nextToken: encodePageToken(db, keyOf(last), scope) }
    : { items };
}

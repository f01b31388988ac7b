import { conflict } from '../../api/errors';
import { requestDigest } from '../domain/ids';
import {
  deleteIdempotencyRecord,
  findIdempotencyRecord,
  saveIdempotencyRecord,
} from '../store/idempotency-keys';
import type { OperationContext } from './context';
import { DEFAULTS } from '../../model/limits';

/**
 * A create request as its meaning, for comparing a retry with the first call: a setting
 * given at its default is the same as one left out, as are empty tags; capabilities are a
 * set, and a group's connectors are the same in any order.
 */
export function normalRequest(request: Record<string, unknown>): Record<string, unknown> {
  const normal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined) continue;
    if (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue;
    if (key === 'tags' && typeof value === 'object' && value && Object.keys(value).length === 0) {
      continue;
    }
    if (key === 'numberCapabilities' && Array.isArray(value)) {
      normal[key] = [...new Set(value as string[])].sort();
    } else if (key === 'connectors' && Array.isArray(value)) {
      normal[key] = [...(value as { voiceConnectorId: string }[])].sort((a, b) =>
        a.voiceConnectorId < b.voiceConnectorId
          ? -1
          : a.voiceConnectorId > b.voiceConnectorId
            ? 1
            : 0,
      );
    } else {
      normal[key] = value;
    }
  }
  return normal;
}

/**
 * Runs a create at most once per client token: a repeat with the same token and a request
 * that means the same (normalRequest) returns the object the first call made, as it is now; the same token with a
 * different request is a ConflictException. Once that object is gone, the token is free.
 */
export function createOnce<T>(
  ctx: OperationContext,
  operation: string,
  request: { clientToken?: string | undefined },
  create: () => { id: string; value: T },
  current: (id: string) => T | undefined,
): T {
  const { clientToken, ...rest } = request;
  if (!clientToken) return create().value;
  const digest = requestDigest(normalRequest(rest));
  const previous = findIdempotencyRecord(ctx.db, ctx.account.account_id, operation, clientToken);
  if (previous) {
    if (previous.request_hash !== digest) {
      throw conflict(
        `clientToken "${clientToken}" was already used for a different ${operation} request; use a new clientToken for a new object`,
      );
    }
    const existing = current(previous.object_id);
    if (existing !== undefined) return existing;
    // The object the token made is gone (deleted, or its number released for good): the
    // token no longer stands for anything, so this is a new create.
    deleteIdempotencyRecord(ctx.db, ctx.account.account_id, operation, clientToken);
  }
  const made = create();
  saveIdempotencyRecord(
    ctx.db,
    ctx.account.account_id,
    operation,
    clientToken,
    { request_hash: digest, object_id: made.id, response: JSON.stringify(made.value) },
    ctx.now,
  );
  return made.value;
}

import { conflict } from '../domain/errors';
import { requestDigest } from '../domain/ids';
import { findIdempotencyRecord, saveIdempotencyRecord } from '../store/idempotency-keys';
import type { OperationContext } from './context';

/**
 * Runs a create at most once per client token: a repeat with the same token and the same
 * request returns the object the first call made (as it is now, or as it was made if it
 * is gone); the same token with a different request is a ConflictException.
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
  const digest = requestDigest(rest);
  const previous = findIdempotencyRecord(ctx.db, ctx.account.account_id, operation, clientToken);
  if (previous) {
    if (previous.request_hash !== digest) {
      throw conflict(
        `clientToken "${clientToken}" was already used for a different ${operation} request; use a new clientToken for a new object`,
      );
    }
    return current(previous.object_id) ?? (JSON.parse(previous.response) as T);
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

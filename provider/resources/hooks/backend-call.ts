import { createHash } from 'node:crypto';
import { SimulatorError } from '../../api/errors';
import type {
  AccountOperationName,
  AccountOperationResult,
  OperationInput,
} from '../../api/operations';
import { backend } from './connection';
import type { Props } from './property-diff';
import { withRetry } from './retry';
import type { Ownership } from '../../api/objects';
import { nameInKey, stackOfKey } from '../key-names';

type OwnedKind = Ownership['kind'];

/** Calls the backend, retrying transient failures with capped, jittered backoff. */
export function call<N extends AccountOperationName>(
  operation: N,
  input: OperationInput = {},
): Promise<AccountOperationResult<N>> {
  return withRetry(() => backend().call(operation, input));
}

/**
 * Records that this resource's stack holds the object, before anything is changed for it.
 * The backend refuses while another stack holds it, saying which; a resource without a key
 * (made by hand in a test) claims nothing.
 */
export async function holdFor(kind: OwnedKind, id: string, resourceKey: unknown): Promise<void> {
  if (typeof resourceKey !== 'string') return;
  await call('ClaimOwnership', { body: { kind, id, owner: stackOfKey(resourceKey) } });
}

export function isNotFound(error: unknown): boolean {
  return SimulatorError.isInstance(error) && error.code === 'ResourceNotFoundException';
}

/** Runs a read; a vanished object is `undefined` instead of an error. */
export async function readOrGone<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** What a hook's read returns: nothing when the object is gone. */
export interface ReadResult {
  id?: string;
  props?: Props;
  inputs?: Props;
}

/** Deletes an object; one that is already gone counts as deleted. */
export async function deleteOrGone(
  operation: 'DeleteVoiceConnector' | 'DeleteVoiceConnectorGroup' | 'DeleteOptOutList',
  id: string,
): Promise<void> {
  try {
    await call(operation, { id });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** What every resource keeps in state beside the backend's view: adoption and its key. */
export const carried = (props: Props): Props => ({
  adoptExistingId: props.adoptExistingId,
  resourceKey: props.resourceKey,
});

/**
 * The declared inputs with the key the resource was created with, when it has one: a
 * resource's key (resource-key.ts) is chosen once, so an alias, a move under a component or
 * an upgrade from numberplane 0.1 keeps its tokens, and its released number comes back.
 */
export const withKeptKey = (olds: Props, news: Props): Props =>
  typeof olds.resourceKey === 'string' ? { ...news, resourceKey: olds.resourceKey } : news;

/**
 * The declared name, or the resource's own name (from its key) when none is declared: the
 * TypeScript classes pass their resource name, a plugin resource (Pulumi YAML, Python…)
 * declares none. A name declared as null stays, for check to refuse.
 */
export const nameOrResourceName = (news: Props): unknown =>
  news.name === undefined && typeof news.resourceKey === 'string'
    ? nameInKey(news.resourceKey)
    : news.name;

/** Tags as state keeps them: none rather than an empty map. */
export const tagsOrNone = (tags: Record<string, string>): Record<string, string> | undefined =>
  Object.keys(tags).length > 0 ? tags : undefined;

/**
 * The create's idempotency key: stable for one resource (its key) and one
 * request, so a create repeated after a crash adopts what the first attempt made, while a
 * replacement with other inputs makes a new object.
 */
export function clientToken(resourceKey: unknown, kind: string, request: unknown): string {
  const digest = createHash('sha256')
    .update(`${String(resourceKey)}\u0000${kind}\u0000${JSON.stringify(request)}`)
    .digest('hex');
  return `np-${digest.slice(0, 40)}`;
}

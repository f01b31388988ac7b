import type { z } from 'zod';
import type { HttpMethod } from '../../../api/routes';
import { awsOperation, type AwsOperation, type Invoke } from './aws-dialect';

/** How a query parameter of a restJson1 operation arrives, and which member it fills. */
export interface QueryMember {
  readonly member: string;
  readonly type: 'string' | 'integer';
}

/**
 * One restJson1 operation: its method and path (`:label` segments fill members), the literal
 * query that tells it from another operation on the same path (`?operation=restore`), the
 * query parameters it reads, its success status, and what it runs over the members.
 */
export interface RestOperation extends AwsOperation {
  readonly name: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly literal?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, QueryMember>>;
  readonly status: number;
}

export function restOperation<S extends z.ZodType>(
  route: Omit<RestOperation, 'run'>,
  shape: S,
  run: (invoke: Invoke, request: z.infer<S>) => Promise<unknown>,
): RestOperation {
  return { ...route, ...awsOperation(shape, run) };
}

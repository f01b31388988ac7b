import type { z } from 'zod';
import type { SimulatorError } from '../../../api/errors';
import type {
  AccountOperationName,
  AccountOperationResult,
  OperationInput,
} from '../../../api/operations';
import { parseRequest } from '../../../api/parse-request';

/** The AWS services whose wire protocols the simulator speaks, by the name the log uses. */
export type DialectName = 'pinpoint-sms-voice-v2' | 'chime-sdk-voice' | 'connect';

/**
 * Runs one simulator operation for an AWS call, as the caller's account: the clock, what
 * fell due and injected faults (named by the simulator's operation) apply as to a `/v1` call.
 */
export type Invoke = <N extends AccountOperationName>(
  operation: N,
  input?: OperationInput,
) => Promise<AccountOperationResult<N>>;

/** The simulator call an AWS call was making when it failed: which operation, on what. */
export interface FailedCall {
  readonly operation: AccountOperationName;
  readonly input: OperationInput;
}

/** An AWS error as one service's wire protocol answers it. */
export interface AwsErrorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}

/** One AWS operation: its request members, checked first, and what it runs. */
export interface AwsOperation {
  run(invoke: Invoke, body: unknown, what: string): Promise<unknown>;
}

/**
 * An AWS operation whose request has `shape` (AWS member names; an unknown member is refused
 * by name, so nothing the simulator does not model is silently dropped).
 */
export function awsOperation<S extends z.ZodType>(
  shape: S,
  run: (invoke: Invoke, request: z.infer<S>) => Promise<unknown>,
): AwsOperation {
  return {
    run: (invoke, body, what) => run(invoke, parseRequest(shape, body ?? {}, what)),
  };
}

/** The work is committed, and an injected fault says the caller sees its connection reset. */
export class DropConnection extends Error {
  constructor() {
    super('connection dropped after commit (injected fault)');
  }
}

/** What a dialect knows of an error besides its code: the call it came from, the request id. */
export interface ErrorContext {
  readonly failed?: FailedCall;
  readonly requestId: string;
}

/** One AWS service's wire protocol over the simulator's operations. */
export interface AwsDialect {
  readonly name: DialectName;
  /** The answer to a failure, in the service's own error shape and status. */
  errorAnswer(error: SimulatorError, context: ErrorContext): AwsErrorAnswer;
}

/** Epoch seconds, as awsJson1_0 and Connect's restJson1 write timestamps. */
export const epochSeconds = (iso: string): number => Date.parse(iso) / 1000;

/** AWS's tag list `[{ Key, Value }]` from the simulator's tag map, and back. */
export const tagList = (tags: Record<string, string>): { Key: string; Value: string }[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
export const tagMap = (tags: readonly { Key: string; Value: string }[]): Record<string, string> =>
  Object.fromEntries(tags.map(({ Key, Value }) => [Key, Value]));

/** The members of an object that are defined: AWS answers leave out what is not set. */
export function defined(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(members).filter(([, value]) => value !== undefined && value !== null),
  );
}

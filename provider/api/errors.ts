import { describeProblem, type Problem, type ProblemCode } from '../model/problem';

/** The error codes the simulator speaks, named as AWS names them. */
export const ERROR_CODES = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  PayloadTooLargeException: 413,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 402,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

const BRAND = 'numberplane.SimulatorError';

/**
 * Every rule the simulator enforces fails with one of these: a code from ERROR_CODES and
 * a message that names the field, the value and the fix. Only adapters map codes to HTTP.
 */
export class SimulatorError extends Error {
  readonly brand = BRAND;
  /** Seconds a throttled caller should wait before retrying. */
  readonly retryAfterSeconds?: number;
  /** Which rule of the rule book refused the call, for code to branch on (never the message). */
  readonly reason?: ProblemCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: { retryAfterSeconds?: number; reason?: ProblemCode } = {},
  ) {
    super(message);
    this.name = code;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.reason !== undefined) this.reason = details.reason;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }

  static isInstance(value: unknown): value is SimulatorError {
    return (
      typeof value === 'object' && value !== null && (value as { brand?: unknown }).brand === BRAND
    );
  }
}

export const validation = (message: string): SimulatorError =>
  new SimulatorError('ValidationException', message);
export const conflict = (message: string): SimulatorError =>
  new SimulatorError('ConflictException', message);
export const notFound = (message: string): SimulatorError =>
  new SimulatorError('ResourceNotFoundException', message);
export const quotaExceeded = (message: string): SimulatorError =>
  new SimulatorError('ServiceQuotaExceededException', message);

const CODE_OF_KIND: Record<Problem['kind'], ErrorCode> = {
  validation: 'ValidationException',
  conflict: 'ConflictException',
  quota: 'ServiceQuotaExceededException',
};

/** A broken rule of the rule book as the API answers it: its kind's code, `message; fix`, its reason. */
export const problemError = (problem: Problem): SimulatorError =>
  new SimulatorError(CODE_OF_KIND[problem.kind], describeProblem(problem), {
    reason: problem.code,
  });

/** Throws the first problem, if there is one. */
export function throwFirst(problems: readonly (Problem | undefined)[]): void {
  const first = problems.find((problem) => problem !== undefined);
  if (first) throw problemError(first);
}

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
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds a throttled caller should wait before retrying. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = code;
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

import { SimulatorError } from '../../api/errors';
import { TransportError } from '../../client/simulator-client';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First delay; doubles each retry up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Sleep function (tests pass one that records instead of waiting). */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Throttling, server errors and dropped connections pass; validation and conflicts do not. */
export function isTransient(error: unknown): boolean {
  if (TransportError.isInstance(error)) return error.kind !== 'bad-response';
  if (SimulatorError.isInstance(error)) {
    return (
      error.code === 'ThrottlingException' ||
      error.code === 'InternalServerException' ||
      error.code === 'ServiceUnavailableException'
    );
  }
  return false;
}

/** Capped exponential backoff with full jitter; a throttle's Retry-After is honoured. */
export function retryDelay(attempt: number, error: unknown, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling * options.random());
  const retryAfter =
    SimulatorError.isInstance(error) && error.retryAfterSeconds !== undefined
      ? Math.min(options.maxDelayMs, error.retryAfterSeconds * 1000)
      : 0;
  return Math.max(jittered, retryAfter);
}

/** Runs `work`, retrying transient failures; the last failure is thrown as is. */
export async function withRetry<T>(
  work: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || attempt >= options.attempts) throw error;
      await options.sleep(retryDelay(attempt, error, options));
    }
  }
}

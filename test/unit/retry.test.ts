import { SimulatorError } from '../../provider/api/errors';
import { TransportError } from '../../provider/client/simulator-client';
import {
  isTransient,
  retryDelay,
  withRetry,
  type RetryOptions,
} from '../../provider/resources/hooks/retry';

function recording(): RetryOptions & { slept: number[] } {
  const slept: number[] = [];
  return {
    attempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    sleep: async (ms) => void slept.push(ms),
    random: () => 1,
    slept,
  };
}

describe('transient-error retries', () => {
  it('retries throttling, server errors and dropped connections; never validation or conflicts', () => {
    expect(isTransient(new SimulatorError('ThrottlingException', 'slow down'))).toBe(true);
    expect(isTransient(new SimulatorError('InternalServerException', 'oops'))).toBe(true);
    expect(isTransient(new TransportError('reset', 'reset'))).toBe(true);
    expect(isTransient(new SimulatorError('ValidationException', 'bad'))).toBe(false);
    expect(isTransient(new SimulatorError('ConflictException', 'no'))).toBe(false);
    expect(isTransient(new Error('plain'))).toBe(false);
  });

  it('backs off exponentially with jitter, capped, honouring Retry-After', () => {
    const options = recording();
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, new Error('x'), options))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(
      retryDelay(
        1,
        new SimulatorError('ThrottlingException', 'x', { retryAfterSeconds: 0.5 }),
        options,
      ),
    ).toBe(500);
    expect(retryDelay(1, new Error('x'), { ...options, random: () => 0.25 })).toBe(25);
  });

  it('gives up after the last attempt with the last error, and stops at once on a permanent one', async () => {
    const options = recording();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new SimulatorError('InternalServerException', `failure ${calls}`);
      }, options),
    ).rejects.toThrow('failure 4');
    expect(options.slept).toEqual([100, 200, 400]);
    calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new SimulatorError('ValidationException', 'bad');
      }, recording()),
    ).rejects.toThrow('bad');
    expect(calls).toBe(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        if (calls < 3) throw new TransportError('reset', 'reset');
        return 'done';
      }, recording()),
    ).resolves.toBe('done');
  });
});

import type { PhoneNumber } from '../../api/objects';
import { SimulatorError } from '../../api/errors';
import { call } from './backend-call';
import { connectionSettings, DEFAULT_ENDPOINT } from './connection';
import { DEFAULT_RETRY, retryDelay } from './retry';
import { runCancelled } from './run-cancellation';

/**
 * The waits of a claimed number: for ACTIVE, for a FAILED claim's retries, and the state
 * changes (retry, restore) that a repeat after a dropped answer must not do twice. A wait
 * that gives up throws what `keep` makes of its message and the number as it stands, so
 * the caller keeps the number in the stack's state.
 */
export type KeepInState = (message: string, number: PhoneNumber) => Error;

const { sleep } = DEFAULT_RETRY;

/** How long create waits for ACTIVE: `NUMBERPLANE_ACTIVE_TIMEOUT` seconds, 10 minutes by default. */
function activeTimeoutMs(): number {
  const seconds = Number(process.env.NUMBERPLANE_ACTIVE_TIMEOUT ?? 600);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 600_000;
}

/** A clock advance that covers `ms`, rounded up, in the largest unit that fits twice: `3d`, `36h`. */
function advanceHint(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ];
  for (const [unit, size] of units) if (ms >= 2 * size) return `${Math.ceil(ms / size)}${unit}`;
  return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}

/**
 * Polls the backend's own status until ACTIVE. The backend says when (`activeAt`, virtual
 * time) and how its clock runs, so a number not due within the wait fails at once, and the
 * wait never sleeps past the expected time.
 */
export async function waitUntilActive(
  number: PhoneNumber,
  keep: KeepInState,
  rerun = 'pulumi up',
): Promise<PhoneNumber> {
  const timeoutMs = activeTimeoutMs();
  const deadline = Date.now() + timeoutMs;
  let current = number;
  let interval = DEFAULT_RETRY.baseDelayMs;
  // Said at once when the backend expects a long wait, else once the wait has been long.
  let nextNotice = Date.now() + NOTICE_AFTER_MS;
  let noticed = false;
  while (current.status === 'PENDING') {
    const clock = await call('DescribeClock');
    const now = Date.parse(clock.now);
    const remaining = Math.max(0, Date.parse(current.activeAt ?? clock.now) - now);
    const neededMs =
      remaining === 0 ? 0 : clock.mode === 'frozen' ? Infinity : remaining / clock.scale;
    if (Date.now() + neededMs > deadline) {
      const hint = advanceHint(remaining);
      // The CLI opens the project's default store on its own; any other backend it is told.
      const { endpoint } = connectionSettings();
      const where = endpoint === DEFAULT_ENDPOINT ? '' : ` --endpoint ${endpoint}`;
      // A server's clock is admin surface: the CLI sends the local default key unless told.
      const adminKey = /^https?:/.test(endpoint)
        ? " (with the server's admin key: --admin-key KEY or NUMBERPLANE_ADMIN_KEY, unless it keeps the local default)"
        : '';
      const pace = clock.mode === 'frozen' ? 'is frozen' : `runs at ${clock.scale}x real time`;
      throw keep(
        `phone number ${current.phoneNumber} (${current.phoneNumberId}) is PENDING and will not be ACTIVE within the wait of ${Math.round(timeoutMs / 1000)}s (NUMBERPLANE_ACTIVE_TIMEOUT): the backend expects it ACTIVE at ${current.activeAt}, ${hint} from now on the simulator's clock, which ${pace}. It is kept in the stack: move the clock with \`npx numberplane clock advance ${hint}${where}\`${adminKey} and run ${rerun} again, or run ${rerun} again later${rerun === 'pulumi up' ? ', or set waitForActive: false for numbers whose registration takes days' : ' (only ACTIVE numbers are released)'}`,
        current,
      );
    }
    if (Date.now() >= nextNotice || (!noticed && neededMs >= NOTICE_AFTER_MS)) {
      noticed = true;
      nextNotice = Date.now() + NOTICE_EVERY_MS;
      notice(current, neededMs, timeoutMs, clock.mode === 'frozen' ? 0 : clock.scale);
    }
    // Due (or overdue): poll with backoff. Not yet due: sleep until it is, at most the backoff.
    await sleepUnlessCancelled(neededMs === 0 ? interval : Math.min(interval, Math.ceil(neededMs)));
    if (runCancelled()) {
      throw keep(
        `the wait for phone number ${current.phoneNumber} (${current.phoneNumberId}) to become ACTIVE was cancelled with the run. It is kept in the stack, PENDING (expected ACTIVE at ${current.activeAt}): run the command again`,
        current,
      );
    }
    interval = Math.min(interval * 2, DEFAULT_RETRY.maxDelayMs);
    current = await call('DescribePhoneNumber', { id: current.phoneNumberId });
  }
  return current;
}

/** A wait longer than this says what it waits for, and again each minute. */
const NOTICE_AFTER_MS = 3_000;
const NOTICE_EVERY_MS = 60_000;

/**
 * One line on the provider's stderr, which the engine shows among the run's diagnostics
 * (and the CI commands print): what the run waits for and until when.
 */
function notice(number: PhoneNumber, neededMs: number, timeoutMs: number, scale: number): void {
  const pace = scale === 1 ? 'real time' : `the simulator's clock at ${scale}x real time`;
  process.stderr.write(
    `numberplane: waiting for phone number ${number.phoneNumber} (${number.phoneNumberId}) to become ACTIVE, expected at ${number.activeAt} (about ${Math.ceil(neededMs / 1000)}s from now at ${pace}; the wait ends after ${Math.round(timeoutMs / 1000)}s, NUMBERPLANE_ACTIVE_TIMEOUT)\n`,
  );
}

/** Sleeps `ms` in slices of at most a second, waking early when the run is cancelled. */
async function sleepUnlessCancelled(ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0 && !runCancelled(); left = until - Date.now()) {
    await sleep(Math.min(left, 1_000));
  }
}

/**
 * A state change the backend refuses (ConflictException) once it is made: a repeat, after
 * the connection dropped and lost the first answer, is refused. Then the number as it
 * now stands is the answer, if it no longer is as `stillTo` says it was.
 */
async function once(
  operation: 'RetryClaimPhoneNumber' | 'RestorePhoneNumber',
  id: string,
  stillTo: (number: PhoneNumber) => boolean,
): Promise<PhoneNumber> {
  try {
    return await call(operation, { id });
  } catch (error) {
    if (!SimulatorError.isInstance(error) || error.code !== 'ConflictException') throw error;
    const now = await call('DescribePhoneNumber', { id });
    if (stillTo(now)) throw error;
    return now;
  }
}

const retryClaim = (id: string): Promise<PhoneNumber> =>
  once('RetryClaimPhoneNumber', id, (n) => n.claimStatus === 'FAILED');
export const restore = (id: string): Promise<PhoneNumber> =>
  once('RestorePhoneNumber', id, (n) => n.status === 'DELETION_QUEUED');

/** A FAILED claim is retried a few times; still failing, the held number stays in state. */
export async function settleClaim(number: PhoneNumber, keep: KeepInState): Promise<PhoneNumber> {
  let current = number;
  for (let attempt = 0; current.claimStatus === 'FAILED' && attempt < 3; attempt++) {
    await sleep(retryDelay(attempt + 1, undefined, DEFAULT_RETRY));
    current = await retryClaim(current.phoneNumberId);
  }
  if (current.claimStatus === 'FAILED') {
    throw keep(
      `the claim of phone number ${current.phoneNumber} (${current.phoneNumberId}) failed: ${current.failureReason ?? 'no reason given'}. The number is held for one day; run pulumi up to retry`,
      current,
    );
  }
  return current;
}

import { CHURN_CAP_FACTOR } from './limits';
import type { Problem } from './problem';

/** Chime's number inventory: an account holds at most `quota` numbers; `total` would be too many. */
export function numberQuotaProblem(total: number, quota: number): Problem | undefined {
  if (total <= quota) return undefined;
  return {
    code: 'number-quota',
    path: [],
    message: `an account holds at most ${quota} numbers, and this makes ${total}`,
    fix: 'release numbers you do not need, or ask an admin to raise the quota',
    kind: 'quota',
  };
}

/**
 * Connect's churn cap (002 L37-41): claims plus releases in the rolling window are capped at
 * 200% of the quota; past it, claiming and releasing are both blocked. `churn` is the
 * window's count; `liftsAt(cap)` says when enough of its oldest events will have left it
 * for one more, asked only of a refusal.
 */
export function churnProblem(
  churn: number,
  quota: number,
  action: 'claiming' | 'releasing',
  liftsAt: (cap: number) => string | undefined = () => undefined,
): Problem | undefined {
  const cap = CHURN_CAP_FACTOR * quota;
  if (churn + 1 <= cap) return undefined;
  const when = liftsAt(cap);
  const until = when
    ? `; it lifts at ${when}, when the oldest counted claim or release leaves the 180-day window`
    : '';
  return {
    code: 'churn-cap',
    path: [],
    message: `${action} is blocked: the account claimed and released ${churn} numbers in the last 180 days, and the cap on claims plus releases is ${CHURN_CAP_FACTOR * 100}% of its quota (${cap})${until}`,
    fix: 'wait for old claims and releases to leave the 180-day window, or ask an admin to raise the quota',
    kind: 'quota',
  };
}

/** Every account's built-in `Default` list exists already and is not managed. */
export const DEFAULT_LIST_NOT_MANAGED: Omit<Problem, 'path'> = {
  code: 'default-list-not-managed',
  message: 'Default is every account’s built-in opt-out list and is not managed',
  fix: 'choose another name; numbers without an opt-out list use Default already',
  kind: 'validation',
};

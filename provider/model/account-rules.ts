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

/** Connect's churn cap: claims plus releases in the window are capped at 200% of the quota. */
export function churnProblem(churn: number, quota: number): Problem | undefined {
  const cap = CHURN_CAP_FACTOR * quota;
  if (churn + 1 <= cap) return undefined;
  return {
    code: 'churn-cap',
    path: [],
    message: `claiming is blocked: the account claimed and released ${churn} numbers in the last 180 days, and the cap is ${CHURN_CAP_FACTOR * 100}% of its quota (${cap})`,
    fix: 'wait for old releases to leave the 180-day window, or ask an admin to raise the quota',
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

/**
 * One rule broken: where (a path relative to the object checked), which rule (a stable
 * code that code branches on, never the message), what is wrong and what to do. Each
 * adapter renders it its own way: the simulator as a ValidationException (or the error
 * its kind names), `check` as a failure of the property, the inventory as FILE:LINE:COL.
 */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly code: ProblemCode;
  readonly message: string;
  readonly fix: string;
  /** Which error a backend answers with. */
  readonly kind: 'validation' | 'conflict' | 'quota';
  /** The field whose value makes the rule apply, when `path` names one that is missing. */
  readonly cause?: string;
}

/** Every rule the rule book holds, by its stable code. */
export type ProblemCode =
  | 'two-way-needs-channel'
  | 'two-way-needs-sms'
  | 'ten-dlc-needs-registration'
  | 'toll-free-not-business-calling'
  | 'short-code-no-voice'
  | 'one-assignment'
  | 'assignment-needs-voice-connector-product'
  | 'assignment-needs-voice'
  | 'country-not-offered'
  | 'type-not-offered'
  | 'area-code-not-supported'
  | 'area-code-not-for-short-code'
  | 'not-toll-free-prefix'
  | 'not-geographic-area-code'
  | 'connector-listed-twice'
  | 'priority-taken'
  | 'too-many-groups'
  | 'number-quota'
  | 'churn-cap'
  | 'default-list-not-managed'
  | 'deletion-protected'
  | 'assigned'
  | 'not-active'
  | 'already-in-deletion-queue';

/** `message; fix`: how an API error and a check failure say it. */
export const describeProblem = (problem: Problem): string => `${problem.message}; ${problem.fix}`;

import type { Db } from '../store/database';
import type { AccountRow } from '../store/accounts';

/** What every operation runs with: the store (inside a transaction), the virtual now, the caller. */
export interface OperationContext {
  readonly db: Db;
  /** Virtual time of this operation, ms since epoch. */
  readonly now: number;
  readonly account: AccountRow;
  /** A claim-failure fault fired for this call: a claim made now ends FAILED. */
  readonly claimFailure?: boolean;
}

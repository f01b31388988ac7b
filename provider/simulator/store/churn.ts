import { sql, type Db } from './database';

/**
 * The churn ledger: an account's claims and releases with their times (`churn_events`),
 * and the per-day counts triggers keep of them (`churn_days`), for Connect's churn cap.
 */

export function recordChurn(
  db: Db,
  accountId: string,
  kind: 'claim' | 'release',
  atMs: number,
): void {
  sql(db, 'INSERT INTO churn_events (account_id, kind, at) VALUES (?, ?, ?)').run(
    accountId,
    kind,
    atMs,
  );
}

/** Takes back one churn event: a release undone by a restore from the deletion queue. */
export function forgetChurn(
  db: Db,
  accountId: string,
  kind: 'claim' | 'release',
  atMs: number,
): void {
  sql(
    db,
    `DELETE FROM churn_events WHERE rowid =
       (SELECT rowid FROM churn_events WHERE account_id = ? AND kind = ? AND at = ? LIMIT 1)`,
  ).run(accountId, kind, atMs);
}

/** The day bucket of churn_days (migration 2 divides by the same). */
const CHURN_DAY_MS = 86_400_000;

/**
 * Claims and releases of the account after `sinceMs`. Whole days come from the per-day
 * counts triggers keep (at most 180 rows for the window); only the day `sinceMs` falls in
 * is counted event by event.
 */
export function churnSince(db: Db, accountId: string, sinceMs: number): number {
  const sinceDay = Math.floor(sinceMs / CHURN_DAY_MS);
  const whole = sql(
    db,
    'SELECT COALESCE(SUM(n), 0) AS n FROM churn_days WHERE account_id = ? AND day > ?',
  ).get(accountId, sinceDay) as { n: number };
  const edge = sql(
    db,
    `SELECT COUNT(*) AS n FROM churn_events
       WHERE account_id = ? AND at > ? AND at < ? AND CAST(at / ${CHURN_DAY_MS} AS INTEGER) = ?`,
  ).get(accountId, sinceMs, (sinceDay + 2) * CHURN_DAY_MS, sinceDay) as { n: number };
  return whole.n + edge.n;
}

/**
 * When one more claim or release fits under the cap again: the time the oldest counted
 * events after `sinceMs` have left a window `windowMs` long, `over + 1` of them, where
 * `over` is how far the count is past the cap's last place (0 at the cap).
 */
export function churnLiftsAt(
  db: Db,
  accountId: string,
  sinceMs: number,
  over: number,
  windowMs: number,
): number | undefined {
  const row = sql(
    db,
    'SELECT at FROM churn_events WHERE account_id = ? AND at > ? ORDER BY at LIMIT 1 OFFSET ?',
  ).get(accountId, sinceMs, Math.max(0, over)) as { at: number } | undefined;
  return row ? row.at + windowMs : undefined;
}

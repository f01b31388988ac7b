import { sql, type Db } from './database';

/**
 * The `number_releases` table: every number an account released, kept for good (its
 * releaser may never claim it again), with the end of its cool-down (nobody may claim it
 * before). What may be claimed is read here, against the numbers held too.
 */

/** Whether nobody may claim `phoneNumber` now (held, or cooling down), or this account never may. */
export function isNumberUnavailable(
  db: Db,
  phoneNumber: string,
  accountId: string,
  nowMs: number,
): boolean {
  if (sql(db, 'SELECT 1 FROM phone_numbers WHERE phone_number = ?').get(phoneNumber)) return true;
  return (
    sql(
      db,
      `SELECT 1 FROM number_releases
         WHERE phone_number = ? AND (cool_down_until > ? OR account_id = ?) LIMIT 1`,
    ).get(phoneNumber, nowMs, accountId) !== undefined
  );
}

/**
 * Numbers starting with `prefix` that nobody may claim now, or that this account never may:
 * for a crowded block, where probing one number at a time would take long. Reads only the
 * block's range of the phone_number indexes (numbers are `prefix` + digits).
 */
export function unavailableNumbers(
  db: Db,
  prefix: string,
  accountId: string,
  nowMs: number,
): Set<string> {
  const end = `${prefix}:`; // ':' sorts right after '9'
  const taken = sql(
    db,
    'SELECT phone_number FROM phone_numbers WHERE phone_number >= ? AND phone_number < ?',
  ).all(prefix, end) as { phone_number: string }[];
  const released = sql(
    db,
    `SELECT phone_number FROM number_releases
       WHERE phone_number >= ? AND phone_number < ? AND (cool_down_until > ? OR account_id = ?)`,
  ).all(prefix, end, nowMs, accountId) as { phone_number: string }[];
  return new Set([...taken, ...released].map((row) => row.phone_number));
}

/** Whether this account once released `phoneNumber` (its release is kept for good). */
export function wasReleasedBy(db: Db, phoneNumber: string, accountId: string): boolean {
  return (
    sql(db, 'SELECT 1 FROM number_releases WHERE phone_number = ? AND account_id = ? LIMIT 1').get(
      phoneNumber,
      accountId,
    ) !== undefined
  );
}

export function recordRelease(
  db: Db,
  phoneNumber: string,
  accountId: string,
  nowMs: number,
  coolDownMs: number,
): void {
  sql(
    db,
    'INSERT INTO number_releases (phone_number, account_id, released_at, cool_down_until) VALUES (?, ?, ?, ?)',
  ).run(phoneNumber, accountId, nowMs, nowMs + coolDownMs);
}

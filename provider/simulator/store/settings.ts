import { sql, type Db } from './database';

/** Small JSON documents keyed by name: the clock, provisioning delays, the admin key hash. */
/** The setting that holds the SHA-256 hash of the admin key. */
export const ADMIN_KEY_SETTING = 'admin-key-hash';

export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  sql(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

import { sql, type Db } from './database';

/** Which stack holds an object of an account (migration 4); the row goes with the object. */
export interface OwnerRow {
  account_id: string;
  kind: string;
  object_id: string;
  owner: string;
  claimed_at: number;
}

export function readOwner(
  db: Db,
  accountId: string,
  kind: string,
  objectId: string,
): OwnerRow | undefined {
  return sql(db, 'SELECT * FROM owners WHERE account_id = ? AND kind = ? AND object_id = ?').get(
    accountId,
    kind,
    objectId,
  ) as OwnerRow | undefined;
}

export function writeOwner(db: Db, row: OwnerRow): void {
  sql(
    db,
    `INSERT INTO owners (account_id, kind, object_id, owner, claimed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id, kind, object_id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at`,
  ).run(row.account_id, row.kind, row.object_id, row.owner, row.claimed_at);
}

export function deleteOwner(db: Db, accountId: string, kind: string, objectId: string): boolean {
  return (
    sql(db, 'DELETE FROM owners WHERE account_id = ? AND kind = ? AND object_id = ?').run(
      accountId,
      kind,
      objectId,
    ).changes > 0
  );
}

import { sql, type Db } from './database';
import { afterKey, type KeyPart, type RowWindow } from './keyset';
import type { GroupConnector, VoiceConnectorGroup } from '../../api/objects';

export interface VoiceConnectorGroupRow {
  voice_connector_group_id: string;
  account_id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export function groupFromRow(
  row: VoiceConnectorGroupRow,
  connectors: GroupConnector[],
  accountNumber: string,
): VoiceConnectorGroup {
  return {
    voiceConnectorGroupId: row.voice_connector_group_id,
    name: row.name,
    arn: `arn:aws:chime:us-east-1:${accountNumber}:vcg/${row.voice_connector_group_id}`,
    connectors,
    createdTimestamp: new Date(row.created_at).toISOString(),
    updatedTimestamp: new Date(row.updated_at).toISOString(),
  };
}

export function insertGroupRow(db: Db, row: VoiceConnectorGroupRow): void {
  sql(
    db,
    `INSERT INTO voice_connector_groups (voice_connector_group_id, account_id, name, created_at, updated_at)
     VALUES (@voice_connector_group_id, @account_id, @name, @created_at, @updated_at)`,
  ).run(row);
}

export function updateGroupRow(db: Db, row: VoiceConnectorGroupRow): void {
  sql(
    db,
    'UPDATE voice_connector_groups SET name = @name, updated_at = @updated_at WHERE voice_connector_group_id = @voice_connector_group_id',
  ).run(row);
}

export function findGroupRow(
  db: Db,
  accountId: string,
  id: string,
): VoiceConnectorGroupRow | undefined {
  return sql(
    db,
    'SELECT * FROM voice_connector_groups WHERE account_id = ? AND voice_connector_group_id = ?',
  ).get(accountId, id) as VoiceConnectorGroupRow | undefined;
}

/** The sort key of a groups list: creation time, then id. */
export const GROUP_KEY_COLUMNS = ['created_at', 'voice_connector_group_id'] as const;
export const groupKey = (row: VoiceConnectorGroupRow): KeyPart[] => [
  row.created_at,
  row.voice_connector_group_id,
];

/** One page of an account's groups, in key order after `window.after`. */
export function pageOfGroupRows(
  db: Db,
  accountId: string,
  window: RowWindow,
): VoiceConnectorGroupRow[] {
  const after = afterKey(GROUP_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT * FROM voice_connector_groups WHERE account_id = ?${after.clause}
     ORDER BY ${GROUP_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, ...after.params, window.limit) as VoiceConnectorGroupRow[];
}

export function groupCount(db: Db, accountId: string): number {
  return (
    sql(db, 'SELECT COUNT(*) AS n FROM voice_connector_groups WHERE account_id = ?').get(
      accountId,
    ) as { n: number }
  ).n;
}

export function groupConnectors(db: Db, groupId: string): GroupConnector[] {
  return (
    sql(
      db,
      'SELECT voice_connector_id, priority FROM group_connectors WHERE voice_connector_group_id = ? ORDER BY priority',
    ).all(groupId) as { voice_connector_id: string; priority: number }[]
  ).map((row) => ({ voiceConnectorId: row.voice_connector_id, priority: row.priority }));
}

/** The groups a connector belongs to, oldest first (made in the same millisecond: in the order made). */
export function groupsOfConnector(db: Db, voiceConnectorId: string): string[] {
  return (
    sql(
      db,
      `SELECT g.voice_connector_group_id AS id FROM group_connectors m
         JOIN voice_connector_groups g ON g.voice_connector_group_id = m.voice_connector_group_id
         WHERE m.voice_connector_id = ? ORDER BY g.created_at, g.rowid`,
    ).all(voiceConnectorId) as { id: string }[]
  ).map((row) => row.id);
}

export function replaceGroupConnectors(
  db: Db,
  groupId: string,
  connectors: GroupConnector[],
): void {
  sql(db, 'DELETE FROM group_connectors WHERE voice_connector_group_id = ?').run(groupId);
  const insert = sql(
    db,
    'INSERT INTO group_connectors (voice_connector_group_id, voice_connector_id, priority) VALUES (?, ?, ?)',
  );
  for (const connector of connectors)
    insert.run(groupId, connector.voiceConnectorId, connector.priority);
}

export function deleteGroupRow(db: Db, id: string): void {
  sql(db, 'DELETE FROM voice_connector_groups WHERE voice_connector_group_id = ?').run(id);
}

export function numbersOnGroup(db: Db, id: string): string[] {
  return (
    sql(
      db,
      'SELECT phone_number FROM phone_numbers WHERE voice_connector_group_id = ? ORDER BY 1',
    ).all(id) as { phone_number: string }[]
  ).map((row) => row.phone_number);
}

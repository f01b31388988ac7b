import { sql, type Db } from './database';
import { afterKey, type KeyPart, type RowWindow } from './keyset';
import type { AwsRegion, Tags, VoiceConnector } from '../../api/objects';

export interface VoiceConnectorRow {
  voice_connector_id: string;
  account_id: string;
  name: string;
  aws_region: string;
  require_encryption: number;
  tags: string;
  created_at: number;
  updated_at: number;
}

export function connectorFromRow(row: VoiceConnectorRow, accountNumber: string): VoiceConnector {
  return {
    voiceConnectorId: row.voice_connector_id,
    name: row.name,
    awsRegion: row.aws_region as AwsRegion,
    requireEncryption: row.require_encryption === 1,
    outboundHostName: `${row.voice_connector_id}.voiceconnector.chime.aws`,
    arn: `arn:aws:chime:${row.aws_region}:${accountNumber}:vc/${row.voice_connector_id}`,
    tags: JSON.parse(row.tags) as Tags,
    createdTimestamp: new Date(row.created_at).toISOString(),
    updatedTimestamp: new Date(row.updated_at).toISOString(),
  };
}

export function insertConnectorRow(db: Db, row: VoiceConnectorRow): void {
  sql(
    db,
    `INSERT INTO voice_connectors (voice_connector_id, account_id, name, aws_region, require_encryption, tags, created_at, updated_at)
     VALUES (@voice_connector_id, @account_id, @name, @aws_region, @require_encryption, @tags, @created_at, @updated_at)`,
  ).run(row);
}

export function updateConnectorRow(db: Db, row: VoiceConnectorRow): void {
  sql(
    db,
    `UPDATE voice_connectors SET name = @name, aws_region = @aws_region, require_encryption = @require_encryption,
     tags = @tags, updated_at = @updated_at WHERE voice_connector_id = @voice_connector_id`,
  ).run(row);
}

export function findConnectorRow(
  db: Db,
  accountId: string,
  id: string,
): VoiceConnectorRow | undefined {
  return sql(
    db,
    'SELECT * FROM voice_connectors WHERE account_id = ? AND voice_connector_id = ?',
  ).get(accountId, id) as VoiceConnectorRow | undefined;
}

export function findConnectorRowById(db: Db, id: string): VoiceConnectorRow | undefined {
  return sql(db, 'SELECT * FROM voice_connectors WHERE voice_connector_id = ?').get(id) as
    VoiceConnectorRow | undefined;
}

/** The sort key of a connectors list: creation time, then id. */
export const CONNECTOR_KEY_COLUMNS = ['created_at', 'voice_connector_id'] as const;
export const connectorKey = (row: VoiceConnectorRow): KeyPart[] => [
  row.created_at,
  row.voice_connector_id,
];

/** One page of an account's connectors, in key order after `window.after`. */
export function pageOfConnectorRows(
  db: Db,
  accountId: string,
  window: RowWindow,
): VoiceConnectorRow[] {
  const after = afterKey(CONNECTOR_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT * FROM voice_connectors WHERE account_id = ?${after.clause}
     ORDER BY ${CONNECTOR_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, ...after.params, window.limit) as VoiceConnectorRow[];
}

export function deleteConnectorRow(db: Db, id: string): void {
  sql(db, 'DELETE FROM voice_connectors WHERE voice_connector_id = ?').run(id);
}

export function numbersOnConnector(db: Db, id: string): string[] {
  return (
    sql(db, 'SELECT phone_number FROM phone_numbers WHERE voice_connector_id = ? ORDER BY 1').all(
      id,
    ) as { phone_number: string }[]
  ).map((row) => row.phone_number);
}

export function groupsOfConnector(db: Db, id: string): string[] {
  return (
    sql(
      db,
      'SELECT voice_connector_group_id FROM group_connectors WHERE voice_connector_id = ? ORDER BY 1',
    ).all(id) as { voice_connector_group_id: string }[]
  ).map((row) => row.voice_connector_group_id);
}

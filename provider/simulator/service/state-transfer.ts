import { validation } from '../../api/errors';
import type { StateDocument } from '../../api/objects';
import { schemaVersion, type Db } from '../store/database';
import { ADMIN_KEY_SETTING, readSetting } from '../store/settings';
import { checkIntegrity } from './state-integrity';
import { checkRow } from './state-rows';

/** Tables in dependency order: parents before children. */
const TABLES = [
  'settings',
  'accounts',
  'voice_connectors',
  'voice_connector_groups',
  'group_connectors',
  'opt_out_lists',
  'opted_out_numbers',
  'phone_numbers',
  'phone_number_orders',
  'phone_number_order_numbers',
  'number_releases',
  'churn_events',
  'idempotency_keys',
  'due_events',
  'faults',
  'region_outages',
  'owners',
] as const;
export type StateTable = (typeof TABLES)[number];

/**
 * Counts kept by triggers from the tables above (migration 2): never exported, rebuilt by
 * the triggers as an import inserts rows, emptied with the rest.
 */
const DERIVED_TABLES = ['inventory_counts', 'churn_days'] as const;

export function exportState(db: Db, nowMs: number): StateDocument {
  const tables: StateDocument['tables'] = {};
  for (const table of TABLES) {
    tables[table] = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  }
  return {
    format: 'numberplane-state',
    schemaVersion: schemaVersion(db),
    exportedAt: new Date(nowMs).toISOString(),
    tables,
  };
}

export function clearState(db: Db): void {
  for (const table of [...TABLES].reverse()) db.prepare(`DELETE FROM ${table}`).run();
  for (const table of DERIVED_TABLES) db.prepare(`DELETE FROM ${table}`).run();
}

/** Replaces the whole store with an exported document (the caller holds the transaction). */
export function importState(db: Db, document: unknown): { tables: number; rows: number } {
  const doc = document as Partial<StateDocument> | null;
  if (typeof doc !== 'object' || doc === null || doc.format !== 'numberplane-state') {
    throw validation(
      'state document must have format "numberplane-state"; pass a file made by state export',
    );
  }
  if (doc.schemaVersion !== schemaVersion(db)) {
    throw validation(
      `state document has schemaVersion ${JSON.stringify(doc.schemaVersion) ?? 'undefined'} but this store is at ${schemaVersion(db)}; export it again with this version`,
    );
  }
  if (typeof doc.tables !== 'object' || doc.tables === null || Array.isArray(doc.tables)) {
    throw validation('state document has no tables; pass a file made by state export');
  }
  const unknown = Object.keys(doc.tables).filter((t) => !(TABLES as readonly string[]).includes(t));
  if (unknown.length > 0)
    throw validation(`state document has unknown tables: ${unknown.join(', ')}`);
  clearState(db);
  let rows = 0;
  const loaded: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    // An absent table is empty; null is not a table.
    const tableRows = doc.tables[table] === undefined ? [] : doc.tables[table];
    if (!Array.isArray(tableRows))
      throw validation(`state document table ${table} must be an array`);
    for (const [index, row] of (tableRows as unknown[]).entries()) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw validation(
          `state document table ${table} row ${index + 1} is not an object of columns; pass a file made by state export`,
        );
      }
      checkRow(table, row as Record<string, unknown>, index + 1);
      const columns = Object.keys(row);
      if (columns.some((c) => !/^[a-z_]+$/.test(c))) {
        throw validation(`state document table ${table} has a bad column name`);
      }
      try {
        db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ).run(...columns.map((c) => (row as Record<string, unknown>)[c]));
      } catch (error) {
        throw validation(
          `state document table ${table} row ${index + 1} cannot be loaded (${error instanceof Error ? error.message : String(error)}); pass a file made by state export`,
        );
      }
      rows++;
    }
    loaded[table] = tableRows as Record<string, unknown>[];
  }
  checkIntegrity(db, loaded);
  // Without an admin key nobody could use the admin surface again, not even to import.
  if (readSetting<string>(db, ADMIN_KEY_SETTING) === undefined) {
    throw validation(
      `state document sets no admin key (table settings, key "${ADMIN_KEY_SETTING}"), which would lock the admin surface; pass a file made by state export`,
    );
  }
  return { tables: TABLES.length, rows };
}

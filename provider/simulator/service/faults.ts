import { notFound, SimulatorError, validation } from '../../api/errors';
import { faultRuleRequest } from '../../api/admin-requests';
import type { FaultRule } from '../../api/objects';
import { faultFires, type FaultPlan } from '../domain/faults';
import { parseRequest } from '../../api/parse-request';
import { sql, type Db } from '../store/database';
import { readSetting, writeSetting } from '../store/settings';
import { isAccountOperation } from '../../api/operations';

interface FaultRow {
  fault_id: number;
  operation: string;
  kind: FaultRule['kind'];
  rate: number | null;
  nth: number | null;
  latency_ms: number | null;
  retry_after_seconds: number | null;
  remaining: number | null;
  calls: number;
}

function ruleFromRow(row: FaultRow): FaultRule {
  return {
    faultId: row.fault_id,
    operation: row.operation,
    kind: row.kind,
    ...(row.rate !== null ? { rate: row.rate } : {}),
    ...(row.nth !== null ? { nth: row.nth } : {}),
    ...(row.remaining !== null ? { count: row.remaining } : {}),
    ...(row.latency_ms !== null ? { latencyMs: row.latency_ms } : {}),
    ...(row.retry_after_seconds !== null ? { retryAfterSeconds: row.retry_after_seconds } : {}),
    calls: row.calls,
  };
}

export function listFaults(db: Db): FaultRule[] {
  return (sql(db, 'SELECT * FROM faults ORDER BY fault_id').all() as FaultRow[]).map(ruleFromRow);
}

export function addFault(db: Db, body: unknown): FaultRule {
  const rule = parseRequest(faultRuleRequest, body, 'fault rule');
  if (rule.operation !== '*' && !isAccountOperation(rule.operation)) {
    throw validation(
      `fault rule operation "${rule.operation}" is not an account operation, so it would never fire; use one such as CreatePhoneNumber (see /openapi.json), or * (admin operations take no faults)`,
    );
  }
  const info = sql(
    db,
    `INSERT INTO faults (operation, kind, rate, nth, latency_ms, retry_after_seconds, remaining)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    rule.operation,
    rule.kind,
    rule.rate ?? null,
    rule.nth ?? null,
    rule.latencyMs ?? null,
    rule.retryAfterSeconds ?? null,
    rule.count ?? (rule.nth !== undefined ? 1 : null),
  );
  return listFaults(db).find((f) => f.faultId === Number(info.lastInsertRowid)) as FaultRule;
}

export function clearFaults(db: Db, faultId?: number): number {
  const info =
    faultId === undefined
      ? sql(db, 'DELETE FROM faults').run()
      : sql(db, 'DELETE FROM faults WHERE fault_id = ?').run(faultId);
  if (faultId !== undefined && info.changes === 0) {
    throw notFound(`fault ${faultId} does not exist; see ListFaults for the rules there are`);
  }
  return info.changes;
}

export const SEED_SETTING = 'fault-seed';

export function faultSeed(db: Db): string {
  return readSetting<string>(db, SEED_SETTING) ?? 'numberplane';
}

export function setFaultSeed(db: Db, seed: string): void {
  writeSetting(db, SEED_SETTING, seed);
}

/**
 * Counts this call against every matching rule and decides what happens to it: an error
 * to answer instead of running the operation (throttling, server error), latency to add,
 * a connection reset after commit, a claim failure. The caller commits the counts even
 * when the plan carries an error.
 */
export function planFaults(db: Db, operation: string): FaultPlan {
  const plan: FaultPlan = { latencyMs: 0, resetAfterCommit: false, claimFailure: false };
  const rows = sql(
    db,
    "SELECT * FROM faults WHERE operation = ? OR operation = '*' ORDER BY fault_id",
  ).all(operation) as FaultRow[];
  const seed = faultSeed(db);
  let thrown: SimulatorError | undefined;
  for (const row of rows) {
    const calls = row.calls + 1;
    sql(db, 'UPDATE faults SET calls = ? WHERE fault_id = ?').run(calls, row.fault_id);
    const rule = ruleFromRow({ ...row, calls });
    if (!faultFires(rule, calls, seed)) continue;
    if (row.remaining !== null) {
      if (row.remaining <= 1) sql(db, 'DELETE FROM faults WHERE fault_id = ?').run(row.fault_id);
      else
        sql(db, 'UPDATE faults SET remaining = ? WHERE fault_id = ?').run(
          row.remaining - 1,
          row.fault_id,
        );
    }
    switch (row.kind) {
      case 'throttle':
        thrown ??= new SimulatorError(
          'ThrottlingException',
          `rate exceeded for ${operation} (injected fault ${row.fault_id}); retry after the Retry-After delay`,
          { retryAfterSeconds: row.retry_after_seconds ?? 1 },
        );
        break;
      case 'server-error':
        thrown ??= new SimulatorError(
          'InternalServerException',
          `the service failed to process ${operation} (injected fault ${row.fault_id}); retry the call`,
        );
        break;
      case 'latency':
        plan.latencyMs += row.latency_ms ?? 0;
        break;
      case 'reset':
        plan.resetAfterCommit = true;
        break;
      case 'claim-failure':
        plan.claimFailure = true;
        break;
    }
  }
  return thrown ? { ...plan, error: thrown } : plan;
}

import type { HttpClient } from '../../provider/client/http-client';
import {
  FAULT_KINDS,
  type FaultKind,
  type FaultRuleRequest,
} from '../../provider/api/admin-requests';
import { faultFires } from '../../provider/simulator/domain/faults';
import type { StateDocument } from '../../provider/api/objects';

/**
 * Every kind of fault the simulator has, on every operation, 4% each: 20% in all. A call
 * may meet more than one (latency and a reset, say); throttling and server errors answer
 * instead of running the operation, a reset commits and then drops the connection, a claim
 * failure leaves a created number's claim FAILED.
 */
export const FAULT_RULES: readonly FaultRuleRequest[] = [
  { operation: '*', kind: 'throttle', rate: 0.04, retryAfterSeconds: 1 },
  { operation: '*', kind: 'server-error', rate: 0.04 },
  { operation: '*', kind: 'reset', rate: 0.04 },
  { operation: '*', kind: 'latency', rate: 0.04, latencyMs: 400 },
  { operation: '*', kind: 'claim-failure', rate: 0.04 },
];

/**
 * The simulator decides each fault from a seed kept in its store (setting `fault-seed`);
 * the admin API sets no single setting, so the store is exported, the seed written into
 * its settings table, and imported again. Done on a new store, before any fault rule.
 */
export async function setFaultSeed(admin: HttpClient, seed: string): Promise<void> {
  const state = (await admin.admin('ExportState')) as StateDocument;
  const settings = (state.tables.settings ?? []).filter((row) => row.key !== 'fault-seed');
  settings.push({ key: 'fault-seed', value: JSON.stringify(seed) });
  await admin.admin('ImportState', { body: { ...state, tables: { ...state.tables, settings } } });
  // The fired counts below are worked out from this seed: make sure the store holds it.
  const after = (await admin.admin('ExportState')) as StateDocument;
  const held = after.tables.settings?.find((row) => row.key === 'fault-seed')?.value;
  if (held !== JSON.stringify(seed)) {
    throw new Error(`the store's fault seed is ${String(held)}, not ${JSON.stringify(seed)}`);
  }
}

export type FaultCounts = Record<FaultKind, { calls: number; fired: number }>;

/**
 * Arms the rules while the engine runs and takes them off for the checks, adding up what
 * each rule saw. ListFaults gives each rule's matching calls; which of those it fired on
 * follows from the seed (`faultFires`), so the fired counts are exact, not estimates.
 */
export class FaultLedger {
  readonly counts: FaultCounts = Object.fromEntries(
    FAULT_KINDS.map((kind) => [kind, { calls: 0, fired: 0 }]),
  ) as FaultCounts;

  constructor(
    private readonly admin: HttpClient,
    readonly seed: string,
  ) {}

  async arm(): Promise<void> {
    for (const rule of FAULT_RULES) await this.admin.admin('AddFault', { body: rule });
  }

  /** Adds up what the armed rules saw and removes them. */
  async disarm(): Promise<void> {
    for (const rule of await this.admin.admin('ListFaults')) {
      const count = this.counts[rule.kind];
      count.calls += rule.calls;
      for (let call = 1; call <= rule.calls; call++) {
        if (faultFires(rule, call, this.seed)) count.fired++;
      }
    }
    await this.admin.admin('ClearFaults');
  }

  total(): number {
    return FAULT_KINDS.reduce((sum, kind) => sum + this.counts[kind].fired, 0);
  }
}

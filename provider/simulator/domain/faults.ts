import { createHash } from 'node:crypto';
import type { SimulatorError } from '../../api/errors';
import type { FaultRule } from '../../api/objects';

/** Whether a rule fires on its `callIndex`-th matching call (1-based); deterministic per seed. */
export function faultFires(rule: FaultRule, callIndex: number, seed: string): boolean {
  if (rule.nth !== undefined) return callIndex === rule.nth;
  const digest = createHash('sha256').update(`${seed}:${rule.faultId}:${callIndex}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000 < (rule.rate ?? 0);
}

/** What the adapters must do around one call. */
export interface FaultPlan {
  latencyMs: number;
  /** Commit the call, then drop the connection without an answer. */
  resetAfterCommit: boolean;
  /** A claim made by this call ends FAILED. */
  claimFailure: boolean;
  /** Answer with this error instead of running the operation. */
  error?: SimulatorError;
}

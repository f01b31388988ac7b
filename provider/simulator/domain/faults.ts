import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SimulatorError } from './errors';

export const FAULT_KINDS = [
  'throttle',
  'server-error',
  'reset',
  'latency',
  'claim-failure',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleRequest = z
  .strictObject({
    operation: z
      .string()
      .regex(/^(\*|[A-Z][A-Za-z]+)$/, {
        error: 'use an operation name such as CreatePhoneNumber, or *',
      })
      .describe('Operation the fault applies to, or * for every operation.'),
    kind: z.enum(FAULT_KINDS),
    rate: z.number().min(0).max(1).optional().describe('Probability per call, 0..1.'),
    nth: z.number().int().min(1).optional().describe('Fire on the Nth matching call only.'),
    count: z.number().int().min(1).optional().describe('Fire at most this many times.'),
    latencyMs: z.number().int().min(1).max(60_000).optional(),
    retryAfterSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .refine((rule) => (rule.rate === undefined) !== (rule.nth === undefined), {
    error: 'give exactly one of rate (a probability) or nth (fail the Nth call)',
  })
  .refine((rule) => rule.kind !== 'latency' || rule.latencyMs !== undefined, {
    error: 'a latency fault needs latencyMs',
  });
export type FaultRuleRequest = z.infer<typeof faultRuleRequest>;

export interface FaultRule extends FaultRuleRequest {
  faultId: number;
  /** Matching calls seen so far. */
  calls: number;
}

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

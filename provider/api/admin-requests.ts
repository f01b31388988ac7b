import { z } from 'zod';
import { AWS_REGIONS, NUMBER_TYPES } from '../model/enums';

/**
 * Request shapes of the admin operations (accounts, clock, settings, outages, faults): one
 * declaration each, used by the service to validate and by the OpenAPI document.
 */

export const createAccountRequest = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    error: 'use 1-63 lowercase letters, digits and hyphens',
  }),
  numberQuota: z.number().int().min(0).max(100_000).optional(),
  apiKey: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{16,128}$/, { error: 'use 16-128 letters, digits, _ . -' })
    .optional()
    .describe('Choose the API key yourself; by default a random one is made and shown once.'),
});

export const updateAccountRequest = z.strictObject({
  numberQuota: z.number().int().min(0).max(100_000),
});

export const clockChangeRequest = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('advance'),
    by: z.string().describe('A duration such as 7d, 36h or 1d12h.'),
  }),
  z.strictObject({
    action: z.literal('set'),
    to: z.iso.datetime({ error: 'use an ISO-8601 time such as 2027-01-01T00:00:00Z' }),
  }),
  z.strictObject({ action: z.literal('freeze') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('scale'), scale: z.number().positive() }),
]);

const delay = z.union([z.number().int().min(0), z.string().min(1)]);

export const settingsRequest = z.strictObject({
  provisioningDelays: z
    .partialRecord(z.enum(NUMBER_TYPES), delay)
    .describe('Delay from claim to ACTIVE per number type: milliseconds or a duration like 2d.'),
});

export const outageRequest = z.strictObject({ awsRegion: z.enum(AWS_REGIONS) });

export const FAULT_KINDS = [
  'throttle',
  'server-error',
  'reset',
  'latency',
  'claim-failure',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The fields of a fault rule (a listed rule has these too). */
export const faultRuleFields = {
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
};

export const faultRuleRequest = z
  .strictObject(faultRuleFields)
  .refine((rule) => (rule.rate === undefined) !== (rule.nth === undefined), {
    error: 'give exactly one of rate (a probability) or nth (fail the Nth call)',
  })
  .refine((rule) => rule.kind !== 'latency' || rule.latencyMs !== undefined, {
    error: 'a latency fault needs latencyMs',
  });
export type FaultRuleRequest = z.infer<typeof faultRuleRequest>;

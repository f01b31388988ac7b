import { z } from 'zod';

/**
 * The JSON a CI command prints with `--json`: one object, stable (fields are only ever
 * added). schema/ci-result.schema.json is generated from this.
 */
const step = z
  .strictObject({
    op: z.string().describe('create, update, delete, replace, create-replacement, …'),
    resource: z.string().describe('The resource name (last part of the URN).'),
    type: z
      .string()
      .describe('The resource type, e.g. pulumi-nodejs:dynamic/numberplane:PhoneNumber.'),
    urn: z.string(),
    properties: z.array(z.string()).describe('Input properties the step changes.'),
  })
  .meta({ title: 'Step' });

const driftedProperty = z
  .strictObject({
    name: z.string(),
    declared: z.unknown().describe('The value the stack last applied.'),
    live: z.unknown().describe('The value the backend holds now.'),
    resources: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'The stack’s voice connectors and groups that the declared and live values name by id: id → resource name.',
      ),
  })
  .meta({ title: 'Drifted property' });

const drift = z
  .strictObject({
    resource: z.string(),
    type: z.string(),
    urn: z.string(),
    status: z
      .enum(['changed', 'deleted'])
      .describe('changed: properties differ; deleted: the object is gone.'),
    properties: z.array(driftedProperty),
  })
  .meta({ title: 'Drift' });

const blocked = z
  .strictObject({
    resource: z.string(),
    phoneNumber: z.string().optional(),
    phoneNumberId: z.string().optional(),
    reason: z.string(),
  })
  .meta({ title: 'Blocked by protection' });

export const ciResultSchema = z
  .strictObject({
    version: z.literal(1).describe('Format version of this result.'),
    command: z.enum(['preview', 'up', 'destroy', 'drift']),
    stack: z.string(),
    ok: z.boolean().describe('The command did what it was asked.'),
    exitCode: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(130)])
      .describe(
        '0 success and (with --detailed-exitcode) no changes; 2 changes or drift; 1 error; 130 cancelled.',
      ),
    changes: z.record(z.string(), z.number().int()).describe('Resource count by operation.'),
    steps: z.array(step).describe('Every step that is not `same`.'),
    drift: z
      .array(drift)
      .describe('drift: each resource that differs from its last applied state.'),
    blockedByProtection: z
      .array(blocked)
      .describe('destroy: resources whose protection stopped the destroy.'),
    outputs: z.record(z.string(), z.unknown()).optional().describe('up: the stack outputs.'),
    error: z.string().optional().describe('What went wrong, when ok is false.'),
    cliVersion: z.string().optional(),
  })
  .meta({
    title: 'numberplane CI result',
    description: 'The --json output of numberplane preview|up|destroy|drift.',
  });

export type CiResult = z.infer<typeof ciResultSchema>;
export type CiDrift = CiResult['drift'][number];

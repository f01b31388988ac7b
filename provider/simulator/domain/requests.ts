import { z } from 'zod';
import { validation } from './errors';
import {
  AWS_REGIONS,
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_STATUSES,
  NUMBER_TYPES,
  PRODUCT_TYPES,
} from './types';

/**
 * Request shapes of every simulator operation: one declaration each, used to validate
 * embedded calls and HTTP bodies alike and to generate the OpenAPI document.
 */

const tags = z
  .record(
    z.string().min(1).max(128, { error: 'tag keys are at most 128 characters' }),
    z.string().max(256, { error: 'tag values are at most 256 characters' }),
  )
  .refine((value) => Object.keys(value).length <= 50, { error: 'at most 50 tags; remove some' })
  .describe('Key-value tags, at most 50.');

const clientToken = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[!-~]+$/, { error: 'use 1-64 printable ASCII characters without spaces' })
  .describe(
    'Idempotency key: repeating a create with the same token returns the first result instead of making a second object.',
  );

const resourceName = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(256, { error: 'is at most 256 characters' })
  .regex(/^[A-Za-z0-9 _.:/=+@-]+$/, {
    error: 'use letters, digits, spaces and _ . : / = + @ - only',
  });

export const optOutListNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: 'use 1-64 letters, digits, underscores or hyphens',
  })
  .describe('Name of an opt-out list; `Default` is every account’s built-in list.');

const objectId = z.string().regex(/^[a-z0-9-]{1,64}$/, {
  error: 'is not an id the simulator issues (lowercase letters, digits, -)',
});

const channelArn = z
  .string()
  .max(2048)
  .regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:\S+$/, {
    error: 'is not an ARN; use e.g. arn:aws:sns:us-east-1:111122223333:MyTopic',
  });

const e164 = z.string().regex(/^(\+[1-9]\d{6,14}|\d{5,6})$/, {
  error: 'is not a phone number; use E.164 (e.g. +12065550100) or a 5-6 digit short code',
});

const capabilities = z
  .array(z.enum(NUMBER_CAPABILITIES))
  .min(1, { error: 'must name at least one of SMS, VOICE, MMS' })
  .max(3)
  .refine((list) => new Set(list).size === list.length, {
    error: 'lists a capability twice; name each once',
  });

export const createPhoneNumberRequest = z.strictObject({
  isoCountryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. US' }),
  numberType: z.enum(NUMBER_TYPES),
  numberCapabilities: capabilities,
  messageType: z.enum(MESSAGE_TYPES).optional(),
  productType: z.enum(PRODUCT_TYPES).optional(),
  areaCode: z
    .string()
    .regex(/^\d{3}$/, { error: 'must be three digits, e.g. 206' })
    .optional(),
  deletionProtectionEnabled: z.boolean().optional(),
  optOutListName: optOutListNameSchema.optional(),
  selfManagedOptOutsEnabled: z.boolean().optional(),
  twoWayEnabled: z.boolean().optional(),
  twoWayChannelArn: channelArn.optional(),
  registrationId: z.string().min(1).max(64).optional(),
  voiceConnectorId: objectId.optional(),
  voiceConnectorGroupId: objectId.optional(),
  tags: tags.optional(),
  clientToken: clientToken.optional(),
});
export type CreatePhoneNumberRequest = z.infer<typeof createPhoneNumberRequest>;

export const updatePhoneNumberRequest = z.strictObject({
  deletionProtectionEnabled: z.boolean().optional(),
  optOutListName: optOutListNameSchema.optional(),
  selfManagedOptOutsEnabled: z.boolean().optional(),
  twoWayEnabled: z.boolean().optional(),
  twoWayChannelArn: channelArn.nullable().optional(),
  registrationId: z.string().min(1).max(64).nullable().optional(),
  messageType: z.enum(MESSAGE_TYPES).nullable().optional(),
  productType: z.enum(PRODUCT_TYPES).nullable().optional(),
  voiceConnectorId: objectId.nullable().optional(),
  voiceConnectorGroupId: objectId.nullable().optional(),
  tags: tags.optional(),
});
export type UpdatePhoneNumberRequest = z.infer<typeof updatePhoneNumberRequest>;

const booleanFilter = z.array(z.enum(['true', 'false'])).min(1);
export const phoneNumberFilters = z.strictObject({
  status: z.array(z.enum(NUMBER_STATUSES)).min(1).optional(),
  'iso-country-code': z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .min(1)
    .optional(),
  'message-type': z.array(z.enum(MESSAGE_TYPES)).min(1).optional(),
  'number-capability': z.array(z.enum(NUMBER_CAPABILITIES)).min(1).optional(),
  'number-type': z.array(z.enum(NUMBER_TYPES)).min(1).optional(),
  'two-way-enabled': booleanFilter.optional(),
  'self-managed-opt-outs-enabled': booleanFilter.optional(),
  'opt-out-list-name': z.array(optOutListNameSchema).min(1).optional(),
  'deletion-protection-enabled': booleanFilter.optional(),
});
export type PhoneNumberFilters = z.infer<typeof phoneNumberFilters>;
export const PHONE_NUMBER_FILTER_NAMES = Object.keys(phoneNumberFilters.shape);

export const listRequest = z.strictObject({
  maxResults: z.number().int().min(1).max(100).optional(),
  nextToken: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'is not a token this API issued; pass nextToken back unchanged' })
    .optional(),
});
export type ListRequest = z.infer<typeof listRequest>;

export const createVoiceConnectorRequest = z.strictObject({
  name: resourceName,
  awsRegion: z.enum(AWS_REGIONS),
  requireEncryption: z.boolean().optional(),
  tags: tags.optional(),
  clientToken: clientToken.optional(),
});
export type CreateVoiceConnectorRequest = z.infer<typeof createVoiceConnectorRequest>;

export const updateVoiceConnectorRequest = z.strictObject({
  name: resourceName.optional(),
  requireEncryption: z.boolean().optional(),
  tags: tags.optional(),
});
export type UpdateVoiceConnectorRequest = z.infer<typeof updateVoiceConnectorRequest>;

const groupConnectors = z
  .array(
    z.strictObject({
      voiceConnectorId: objectId,
      priority: z
        .number()
        .int({ error: 'must be a whole number from 1 to 99' })
        .min(1, { error: 'must be from 1 (tried first) to 99' })
        .max(99, { error: 'must be from 1 (tried first) to 99' }),
    }),
  )
  .max(3, { error: 'a group holds at most 3 voice connectors; remove some' });

export const createVoiceConnectorGroupRequest = z.strictObject({
  name: resourceName,
  connectors: groupConnectors.optional(),
  clientToken: clientToken.optional(),
});
export type CreateVoiceConnectorGroupRequest = z.infer<typeof createVoiceConnectorGroupRequest>;

export const updateVoiceConnectorGroupRequest = z.strictObject({
  name: resourceName.optional(),
  connectors: groupConnectors.optional(),
});
export type UpdateVoiceConnectorGroupRequest = z.infer<typeof updateVoiceConnectorGroupRequest>;

export const createOptOutListRequest = z.strictObject({
  optOutListName: optOutListNameSchema,
  tags: tags.optional(),
  clientToken: clientToken.optional(),
});
export type CreateOptOutListRequest = z.infer<typeof createOptOutListRequest>;

export const optedOutNumberRequest = z.strictObject({ phoneNumber: e164 });
export type OptedOutNumberRequest = z.infer<typeof optedOutNumberRequest>;

export const routeCallRequest = z.strictObject({ phoneNumber: e164 });
export type RouteCallRequest = z.infer<typeof routeCallRequest>;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeIssue(issue: z.core.$ZodIssue, what: string): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : what;
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    const expected =
      issue.code === 'invalid_value'
        ? `one of ${issue.values.map(String).join(', ')}`
        : issue.code === 'invalid_type'
          ? issue.expected
          : 'a value';
    return `${field} is required; add it (${expected})`;
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field === what ? what : field} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((key) => `"${key}"`)
        .join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(String).join(', ')}; got ${describeValue(input)}`;
    case 'invalid_type':
      if (!issue.message.startsWith('Invalid')) {
        return `${field} ${issue.message}; got ${describeValue(input)}`;
      }
      return `${field} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}; got ${describeValue(input)}`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return `${field} ${issue.message.startsWith('Too') || issue.message.startsWith('Invalid') ? plainBound(issue) : issue.message}; got ${describeValue(input)}`;
    default:
      return `${field}: ${issue.message}; got ${describeValue(input)}`;
  }
}

function plainBound(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const side = issue.code === 'too_small' ? 'at least' : 'at most';
    const unit =
      issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
    return `must be ${side} ${bound}${unit}`;
  }
  return issue.message;
}

/**
 * Validates `input` against `schema`; on failure throws one ValidationException naming
 * every bad field, its value and the fix. `what` names the request in messages.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validation(`${what} must be a JSON object; got ${describeValue(input)}`);
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw validation(result.error.issues.map((issue) => describeIssue(issue, what)).join('; '));
}

import { z } from 'zod';
import {
  areaCode,
  awsRegion,
  channelArn,
  clientToken,
  e164,
  groupMembers,
  isoCountryCode,
  messageType,
  numberCapabilities,
  numberType,
  objectId,
  optOutListName,
  optOutListReference,
  priority,
  productType,
  registrationId,
  resourceName,
  tags,
} from '../../model/fields';
import { validation } from './errors';
import { MESSAGE_TYPES, NUMBER_CAPABILITIES, NUMBER_TYPES, STORED_NUMBER_STATUSES } from './types';

/**
 * Request shapes of every simulator operation: one declaration each, used to validate
 * embedded calls and HTTP bodies alike and to generate the OpenAPI document. Fields come
 * from the rule book (provider/model/fields.ts).
 */

export const createPhoneNumberRequest = z.strictObject({
  isoCountryCode,
  numberType,
  numberCapabilities,
  messageType: messageType.optional(),
  productType: productType.optional(),
  areaCode: areaCode.optional(),
  deletionProtectionEnabled: z.boolean().optional(),
  optOutListName: optOutListReference.optional(),
  selfManagedOptOutsEnabled: z.boolean().optional(),
  twoWayEnabled: z.boolean().optional(),
  twoWayChannelArn: channelArn.optional(),
  registrationId: registrationId.optional(),
  voiceConnectorId: objectId.optional(),
  voiceConnectorGroupId: objectId.optional(),
  tags: tags.optional(),
  clientToken: clientToken.optional(),
});
export type CreatePhoneNumberRequest = z.infer<typeof createPhoneNumberRequest>;

export const updatePhoneNumberRequest = z.strictObject({
  deletionProtectionEnabled: z.boolean().optional(),
  optOutListName: optOutListReference.optional(),
  selfManagedOptOutsEnabled: z.boolean().optional(),
  twoWayEnabled: z.boolean().optional(),
  twoWayChannelArn: channelArn.nullable().optional(),
  registrationId: registrationId.nullable().optional(),
  messageType: messageType.nullable().optional(),
  productType: productType.nullable().optional(),
  voiceConnectorId: objectId.nullable().optional(),
  voiceConnectorGroupId: objectId.nullable().optional(),
  tags: tags.optional(),
});
export type UpdatePhoneNumberRequest = z.infer<typeof updatePhoneNumberRequest>;

const booleanFilter = z.array(z.enum(['true', 'false'])).min(1);
/** The kinds of object a stack can hold (ClaimOwnership). */
export const OWNED_KINDS = [
  'PhoneNumber',
  'VoiceConnector',
  'VoiceConnectorGroup',
  'OptOutList',
] as const;

/** Names an object of the account: its kind and its id (or ARN; a list's name). */
export const ownedObjectRequest = z.strictObject({
  kind: z.enum(OWNED_KINDS).describe('The kind of object.'),
  id: z
    .string()
    .min(1)
    .max(2048)
    .describe('The object’s id or ARN (an opt-out list: its name or ARN).'),
});

/** Records the stack that holds an object; refused while another stack holds it. */
export const claimOwnershipRequest = ownedObjectRequest.extend({
  owner: z
    .string()
    .min(1)
    .max(512)
    .regex(/^\P{Cc}+$/u, 'printable characters, no control characters')
    .describe('Who holds the object: the numberplane provider sends PROJECT/STACK.'),
});

export const phoneNumberFilters = z.strictObject({
  status: z.array(z.enum(STORED_NUMBER_STATUSES)).min(1).optional(),
  'iso-country-code': z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .min(1)
    .optional(),
  'message-type': z.array(z.enum(MESSAGE_TYPES)).min(1).optional(),
  'number-capability': z.array(z.enum(NUMBER_CAPABILITIES)).min(1).optional(),
  'number-type': z.array(z.enum(NUMBER_TYPES)).min(1).optional(),
  'two-way-enabled': booleanFilter.optional(),
  'self-managed-opt-outs-enabled': booleanFilter.optional(),
  'opt-out-list-name': z.array(optOutListName).min(1).optional(),
  'deletion-protection-enabled': booleanFilter.optional(),
});
export type PhoneNumberFilters = z.infer<typeof phoneNumberFilters>;
export const PHONE_NUMBER_FILTER_NAMES = Object.keys(phoneNumberFilters.shape);

/** Largest page a list answers, and the page size when maxResults is not given. */
export const MAX_PAGE_SIZE = 100;

/**
 * Paging of every list: at most MAX_PAGE_SIZE items a page; nextToken as a previous page
 * returned it (a key and a seal, both base64url: the service checks the seal).
 */
export const listRequest = z.strictObject({
  maxResults: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  nextToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,1400}\.[A-Za-z0-9_-]{16}$/, {
      error: 'is not a token this API issued; pass nextToken back unchanged',
    })
    .optional(),
});
export type ListRequest = z.infer<typeof listRequest>;

export const createVoiceConnectorRequest = z.strictObject({
  name: resourceName,
  awsRegion,
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

const groupConnectors = groupMembers(z.strictObject({ voiceConnectorId: objectId, priority }));

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
  optOutListName,
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
  // JSON has no Infinity: 1e999 parses to it, and JSON.stringify would say null.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${value} (a number too large to hold)`;
  }
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
    case 'invalid_key': {
      // A record's key: zod says only "Invalid key in record"; the key's own rule says why.
      const parent = issue.path.slice(0, -1).map(String).join('.') || what;
      const why = issue.issues.map((inner) => inner.message).join('; ');
      const key = issue.path.at(-1);
      return `${parent} has the key ${describeValue(String(key))}, but ${why}; shorten or rename it`;
    }
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
    const exclusive = issue.inclusive === false;
    const side =
      issue.code === 'too_small'
        ? exclusive
          ? 'more than'
          : 'at least'
        : exclusive
          ? 'less than'
          : 'at most';
    const one = bound === '1';
    const unit =
      issue.origin === 'string'
        ? one
          ? ' character'
          : ' characters'
        : issue.origin === 'array'
          ? one
            ? ' item'
            : ' items'
          : '';
    return `must be ${side} ${bound}${unit}`;
  }
  return issue.message;
}

/**
 * Where a value holds `__proto__` as a key (JSON.parse makes such objects): the schemas
 * would drop it without a word, or (a record) take it as the object's prototype.
 */
function protoKeyPath(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.hasOwn(value, '__proto__')) return `${path}.__proto__`;
  for (const [key, item] of Object.entries(value)) {
    const found = protoKeyPath(item, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
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
  const proto = Object.entries(input).reduce<string | undefined>(
    (found, [key, value]) => found ?? protoKeyPath(value, key),
    undefined,
  );
  if (proto !== undefined) {
    throw validation(`${proto} is a key no object can hold as data; rename it`);
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw validation(result.error.issues.map((issue) => describeIssue(issue, what)).join('; '));
}

/**
 * What is wrong with `input` apart from the issues `ignored` picks by path (the provider's
 * check ignores those at values the engine does not know yet): one sentence per issue.
 */
export function issuesApartFrom(
  schema: z.ZodType,
  input: unknown,
  what: string,
  ignored: (path: readonly PropertyKey[]) => boolean,
): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !ignored(issue.path))
    .map((issue) => describeIssue(issue, what));
}

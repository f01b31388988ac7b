import { z } from 'zod';
import {
  areaCode,
  awsRegion,
  channelArn,
  clientToken,
  connectTargetArn,
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
} from '../model/fields';
import {
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_TYPES,
  OWNED_KINDS,
  STORED_NUMBER_STATUSES,
} from './objects';

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
  targetArn: connectTargetArn.optional(),
  phoneNumber: e164
    .optional()
    .describe(
      'Claim this very number (as SearchAvailablePhoneNumbers offered it) instead of letting the carrier choose.',
    ),
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
  targetArn: connectTargetArn.nullable().optional(),
  tags: tags.optional(),
});
export type UpdatePhoneNumberRequest = z.infer<typeof updatePhoneNumberRequest>;

const booleanFilter = z.array(z.enum(['true', 'false'])).min(1);

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

/** Chime: claim these chosen numbers, each on its own, as one order. */
export const createPhoneNumberOrderRequest = z.strictObject({
  productType,
  phoneNumbers: z.array(e164).min(1).max(MAX_PAGE_SIZE),
  clientToken: clientToken.optional(),
});

/** Numbers nobody holds, of a country, type and area code the carrier offers. */
export const searchAvailableNumbersRequest = z.strictObject({
  isoCountryCode,
  numberType,
  areaCode: areaCode.optional(),
  maxResults: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

export const optedOutNumberRequest = z.strictObject({ phoneNumber: e164 });
export type OptedOutNumberRequest = z.infer<typeof optedOutNumberRequest>;

export const routeCallRequest = z.strictObject({ phoneNumber: e164 });
export type RouteCallRequest = z.infer<typeof routeCallRequest>;

import { z } from 'zod';
import {
  AWS_REGIONS,
  CLAIM_STATUSES,
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_STATUSES,
  NUMBER_TYPES,
  PRODUCT_TYPES,
} from '../model/enums';
import { faultRuleFields } from './admin-requests';

export * from '../model/enums';

/**
 * The objects the API answers with, as shapes: the types below are inferred from them, the
 * OpenAPI document shows them, and the HTTP client refuses an answer that does not fit.
 * Times are ISO-8601 strings. Unknown fields are let through: a newer server may add some.
 */

const time = z.string().describe('ISO-8601 time.');
const tags = z.record(z.string(), z.string());
export type Tags = z.infer<typeof tags>;

export const phoneNumberObject = z.object({
  phoneNumberId: z.string(),
  phoneNumber: z.string(),
  arn: z.string(),
  status: z.enum(NUMBER_STATUSES),
  claimStatus: z.enum(CLAIM_STATUSES),
  /** Why the claim failed, when claimStatus is FAILED. */
  failureReason: z.string().nullable(),
  isoCountryCode: z.string(),
  numberType: z.enum(NUMBER_TYPES),
  numberCapabilities: z.array(z.enum(NUMBER_CAPABILITIES)),
  /** TRANSACTIONAL unless PROMOTIONAL was asked (Pinpoint 001 L69). */
  messageType: z.enum(MESSAGE_TYPES),
  productType: z.enum(PRODUCT_TYPES).nullable(),
  areaCode: z.string().nullable(),
  deletionProtectionEnabled: z.boolean(),
  optOutListName: z.string(),
  selfManagedOptOutsEnabled: z.boolean(),
  twoWayEnabled: z.boolean(),
  twoWayChannelArn: z.string().nullable(),
  registrationId: z.string().nullable(),
  voiceConnectorId: z.string().nullable(),
  voiceConnectorGroupId: z.string().nullable(),
  monthlyLeasingPrice: z.string(),
  tags,
  createdTimestamp: time,
  /** When a PENDING number becomes ACTIVE. */
  activeAt: time.nullable(),
  /** When a DELETION_QUEUED number is released for good, or a FAILED claim's hold ends. */
  releaseAt: time.nullable(),
  /** Amazon Connect: the instance or traffic distribution group it is claimed to. */
  targetArn: z.string().nullable(),
});
export type PhoneNumber = z.infer<typeof phoneNumberObject>;

export const voiceConnectorObject = z.object({
  voiceConnectorId: z.string(),
  name: z.string(),
  awsRegion: z.enum(AWS_REGIONS),
  requireEncryption: z.boolean(),
  outboundHostName: z.string(),
  arn: z.string(),
  tags,
  createdTimestamp: time,
  updatedTimestamp: time,
});
export type VoiceConnector = z.infer<typeof voiceConnectorObject>;

const groupConnector = z.object({ voiceConnectorId: z.string(), priority: z.number() });
export type GroupConnector = z.infer<typeof groupConnector>;

export const voiceConnectorGroupObject = z.object({
  voiceConnectorGroupId: z.string(),
  name: z.string(),
  arn: z.string(),
  /** In priority order, 1 (tried first) upwards. */
  connectors: z.array(groupConnector),
  createdTimestamp: time,
  updatedTimestamp: time,
});
export type VoiceConnectorGroup = z.infer<typeof voiceConnectorGroupObject>;

export const optOutListObject = z.object({
  optOutListName: z.string(),
  arn: z.string(),
  optedOutCount: z.number(),
  tags,
  createdTimestamp: time,
});
export type OptOutList = z.infer<typeof optOutListObject>;

export const optedOutNumberObject = z.object({
  phoneNumber: z.string(),
  optedOutTimestamp: time,
});
export type OptedOutNumber = z.infer<typeof optedOutNumberObject>;

/** A number on a list, as putting it there or taking it off answers. */
export const optedOutNumberOnListObject = optedOutNumberObject.extend({
  optOutListName: z.string(),
});
export type OptedOutNumberOnList = z.infer<typeof optedOutNumberOnListObject>;

export const ORDERED_NUMBER_STATUSES = ['Processing', 'Acquired', 'Failed'] as const;
export type OrderedNumberStatus = (typeof ORDERED_NUMBER_STATUSES)[number];
export const ORDER_STATUSES = ['Processing', 'Successful', 'Partial', 'Failed'] as const;
export type PhoneNumberOrderStatus = (typeof ORDER_STATUSES)[number];

/** A Chime order of chosen numbers: Processing while any is PENDING, then how it ended. */
export const phoneNumberOrderObject = z.object({
  phoneNumberOrderId: z.string(),
  productType: z.enum(PRODUCT_TYPES),
  status: z.enum(ORDER_STATUSES),
  orderedPhoneNumbers: z.array(
    z.object({
      phoneNumber: z.string(),
      status: z.enum(ORDERED_NUMBER_STATUSES),
      /** The number the claim made; null when it was refused. */
      phoneNumberId: z.string().nullable(),
      /** Why the claim was refused. */
      failureReason: z.string().nullable(),
    }),
  ),
  createdTimestamp: time,
});
export type PhoneNumberOrder = z.infer<typeof phoneNumberOrderObject>;

/** Numbers nobody holds now, as a search offers them (a search reserves nothing). */
export const availableNumbersObject = z.object({ phoneNumbers: z.array(z.string()) });

/** One page of a list; `nextToken` is absent on the last page. */
export const pageOf = <T extends z.ZodType>(
  item: T,
): z.ZodObject<{ items: z.ZodArray<T>; nextToken: z.ZodOptional<z.ZodString> }> =>
  z.object({
    items: z.array(item),
    /** Pass back to get the next page; absent on the last page. */
    nextToken: z.string().optional(),
  });
export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  nextToken?: string;
}

const routeAttempt = z.object({
  voiceConnectorId: z.string(),
  awsRegion: z.enum(AWS_REGIONS),
  /** Rank in the group (absent for a number assigned to one connector). */
  priority: z.number().optional(),
  outcome: z.enum(['answered', 'region-outage']),
});
export type RouteAttempt = z.infer<typeof routeAttempt>;

export const callRouteObject = z.object({
  phoneNumber: z.string(),
  routed: z.boolean(),
  /** The connector that answers, when routed. */
  voiceConnectorId: z.string().optional(),
  awsRegion: z.enum(AWS_REGIONS).optional(),
  /** Connectors tried, in order. */
  attempts: z.array(routeAttempt),
  /** Why the call was not routed. */
  reason: z.string().optional(),
});
export type CallRoute = z.infer<typeof callRouteObject>;

/** The kinds of object a stack can hold (ClaimOwnership). */
export const OWNED_KINDS = [
  'PhoneNumber',
  'VoiceConnector',
  'VoiceConnectorGroup',
  'OptOutList',
] as const;

/** Which stack holds an object (ClaimOwnership); `owner` null when none has claimed it. */
export const ownershipObject = z.object({
  kind: z.enum(OWNED_KINDS),
  id: z.string(),
  owner: z.string().nullable(),
  claimedTimestamp: time.nullable(),
});
export type Ownership = z.infer<typeof ownershipObject>;

export const clockObject = z.object({
  now: time,
  mode: z.enum(['running', 'frozen']),
  scale: z.number(),
});
export type ClockView = z.infer<typeof clockObject>;

export const clockChangeResult = clockObject.extend({ eventsRun: z.number() });

export const accountObject = z.object({
  accountId: z.string(),
  name: z.string(),
  numberQuota: z.number(),
  createdTimestamp: time,
});
export type Account = z.infer<typeof accountObject>;

/** A new account, with its API key: shown this once. */
export const createdAccountObject = z.object({ account: accountObject, apiKey: z.string() });

/** Milliseconds from claim to ACTIVE, per number type. */
export const settingsObject = z.object({
  provisioningDelays: z.record(z.enum(NUMBER_TYPES), z.number()),
});
export type SettingsView = z.infer<typeof settingsObject>;

export const faultRuleObject = z.object({
  ...faultRuleFields,
  faultId: z.number(),
  /** Matching calls seen so far. */
  calls: z.number(),
});
export type FaultRule = z.infer<typeof faultRuleObject>;

export const outageObject = z.object({ awsRegion: z.enum(AWS_REGIONS), since: time });
export type Outage = z.infer<typeof outageObject>;

export const stateDocumentObject = z.object({
  format: z.literal('numberplane-state'),
  schemaVersion: z.number(),
  exportedAt: time,
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type StateDocument = z.infer<typeof stateDocumentObject>;

import { z } from 'zod';
import {
  AWS_REGIONS,
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_TYPES,
  PRODUCT_TYPES,
} from './enums';
import {
  MAX_ARN_LENGTH,
  MAX_CONNECTORS_PER_GROUP,
  MAX_NAME_LENGTH,
  MAX_PRIORITY,
  MAX_REGISTRATION_ID_LENGTH,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS,
  MIN_PRIORITY,
} from './limits';

/**
 * One shape per field, each with what it means (`description`) and what to do when a value
 * is wrong (`x-hint`, the fix the inventory prints). The simulator's requests, the
 * resources' inputs and the inventory schema are all built from these.
 */
function field<T extends z.ZodType>(schema: T, description: string, fix: string): T {
  return schema.describe(description).meta({ 'x-hint': fix }) as T;
}

export const tags = field(
  z
    .record(
      z
        .string()
        .min(1, { error: 'tag keys are at least 1 character' })
        .max(MAX_TAG_KEY_LENGTH, {
          error: `tag keys are at most ${MAX_TAG_KEY_LENGTH} characters`,
        }),
      z.string().max(MAX_TAG_VALUE_LENGTH, {
        error: `tag values are at most ${MAX_TAG_VALUE_LENGTH} characters`,
      }),
    )
    .refine((value) => Object.keys(value).length <= MAX_TAGS, {
      error: `at most ${MAX_TAGS} tags; remove some`,
    })
    .meta({ maxProperties: MAX_TAGS }),
  `Key-value tags, at most ${MAX_TAGS}.`,
  `use at most ${MAX_TAGS} tags`,
);

const NAME_CHARACTERS = 'use letters, digits, spaces and _ . : / = + @ - only';
/** The name of a voice connector or group. */
export const resourceName = field(
  z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MAX_NAME_LENGTH, { error: `is at most ${MAX_NAME_LENGTH} characters` })
    .regex(/^[A-Za-z0-9 _.:/=+@-]+$/, { error: NAME_CHARACTERS })
    .refine((name) => name.trim() !== '', { error: 'must not be only spaces' }),
  'A name for people.',
  NAME_CHARACTERS,
);

const LIST_NAME_CHARACTERS = 'use 1-64 letters, digits, underscores or hyphens';
export const optOutListName = field(
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: LIST_NAME_CHARACTERS }),
  'Name of an opt-out list; `Default` is every account’s built-in list.',
  LIST_NAME_CHARACTERS,
);

const LIST_REFERENCE =
  'use the list’s name (1-64 letters, digits, underscores or hyphens) or its ARN, arn:aws:sms-voice:REGION:ACCOUNT:opt-out-list/NAME';
/** Where a number names its opt-out list: by name or by ARN (Pinpoint v2). */
export const optOutListReference = field(
  z
    .string()
    .regex(
      /^(?:[A-Za-z0-9_-]{1,64}|arn:aws:sms-voice:[a-z0-9-]+:\d{12}:opt-out-list\/[A-Za-z0-9_-]{1,64})$/,
      { error: LIST_REFERENCE },
    ),
  'Name or ARN of an opt-out list; `Default` is every account’s built-in list.',
  LIST_REFERENCE,
);

/** An id the simulator issues: voiceConnectorId, voiceConnectorGroupId. */
export const objectId = field(
  z.string().regex(/^[a-z0-9-]{1,64}$/, {
    error: 'is not an id the simulator issues (lowercase letters, digits, -)',
  }),
  'An id the simulator issued.',
  'use the id the simulator returned (lowercase letters, digits, -)',
);

/** A Chime phone-number order's id: a GUID. */
export const orderId = field(
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'is not an order id (a GUID the simulator issued)',
  }),
  'The id of a phone-number order.',
  'use the PhoneNumberOrderId CreatePhoneNumberOrder returned',
);

export const phoneNumberId = field(
  z.string().regex(/^phone-[0-9a-f]{32}$/, {
    error: 'is not a phoneNumberId (phone- and 32 hex digits)',
  }),
  'The id of a phone number.',
  'use a phoneNumberId: phone- and 32 hex digits',
);

const NUMBER_REFERENCE =
  'use a phoneNumberId (phone- and 32 hex digits) or its ARN, arn:aws:sms-voice:REGION:ACCOUNT:phone-number/ID';
/** A phone number named by its id or its ARN (Pinpoint v2). */
export const phoneNumberReference = field(
  z.string().regex(/^(?:arn:aws:sms-voice:[a-z0-9-]+:\d{12}:phone-number\/)?phone-[0-9a-f]{32}$/, {
    error: 'is not a phoneNumberId or a phone number ARN',
  }),
  'A phone number’s id or ARN.',
  NUMBER_REFERENCE,
);

export const clientToken = field(
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[!-~]+$/, { error: 'use 1-64 printable ASCII characters without spaces' }),
  'Idempotency key: repeating a create with the same token returns the first result instead of making a second object.',
  'use 1-64 printable ASCII characters without spaces',
);

export const isoCountryCode = field(
  z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. US' }),
  'ISO 3166-1 alpha-2 country, e.g. US.',
  'use an ISO 3166-1 alpha-2 code in capitals, e.g. US',
);

export const numberType = z.enum(NUMBER_TYPES).describe('The kind of number.');

export const numberCapabilities = field(
  z
    .array(z.enum(NUMBER_CAPABILITIES))
    .min(1, { error: 'must name at least one of SMS, VOICE, MMS' })
    .max(NUMBER_CAPABILITIES.length)
    .refine((list) => new Set(list).size === list.length, {
      error: 'lists a capability twice; name each once',
    })
    .meta({ uniqueItems: true }),
  'Non-empty subset of SMS, VOICE, MMS.',
  'list SMS, VOICE and/or MMS, each once',
);

export const messageType = z.enum(MESSAGE_TYPES).describe('What the number sends.');

export const productType = z
  .enum(PRODUCT_TYPES)
  .describe('Chime product type; only unassigned numbers switch type.');

export const areaCode = field(
  z.string().regex(/^\d{3}$/, { error: 'must be three digits, e.g. 206' }),
  'Three-digit area code (US, CA); by default the backend chooses.',
  'use three digits, e.g. 206',
);

/** Amazon Connect: where a number is claimed to, an instance or a traffic distribution group. */
export const connectTargetArn = field(
  z
    .string()
    .max(MAX_ARN_LENGTH, { error: `is at most ${MAX_ARN_LENGTH} characters` })
    .regex(
      /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:(instance|traffic-distribution-group)\/[A-Za-z0-9-]{1,100}$/,
      {
        error:
          'is not the ARN of an Amazon Connect instance or traffic distribution group; use e.g. arn:aws:connect:us-east-1:111122223333:instance/0a1b2c3d',
      },
    ),
  'Amazon Connect: the instance or traffic distribution group the number is claimed to.',
  'use the ARN of an Amazon Connect instance or traffic distribution group',
);

export const channelArn = field(
  z
    .string()
    .max(MAX_ARN_LENGTH, { error: `is at most ${MAX_ARN_LENGTH} characters` })
    // Pinpoint v2: "you must specify the ARN of an Amazon SNS topic".
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, {
      error:
        'is not the ARN of an Amazon SNS topic; use e.g. arn:aws:sns:us-east-1:111122223333:MyTopic',
    }),
  'The Amazon SNS topic replies go to when two-way messaging is on.',
  'use the ARN of an Amazon SNS topic, such as arn:aws:sns:us-east-1:111122223333:MyTopic',
);

export const registrationId = field(
  z.string().min(1).max(MAX_REGISTRATION_ID_LENGTH),
  '10DLC campaign registration; required for TEN_DLC.',
  `use the id of your registered campaign (1-${MAX_REGISTRATION_ID_LENGTH} characters)`,
);

export const awsRegion = z.enum(AWS_REGIONS).describe('AWS Region the connector lives in.');

const PRIORITY_RANGE = `must be from ${MIN_PRIORITY} (tried first) to ${MAX_PRIORITY}`;
export const priority = field(
  z
    .number()
    .int({ error: `must be a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY}` })
    .min(MIN_PRIORITY, { error: PRIORITY_RANGE })
    .max(MAX_PRIORITY, { error: PRIORITY_RANGE }),
  `${MIN_PRIORITY}..${MAX_PRIORITY}; ${MIN_PRIORITY} is tried first; no two connectors of a group share a priority.`,
  `use a whole number from ${MIN_PRIORITY} (tried first) to ${MAX_PRIORITY}`,
);

/** A group's connectors: at most three, whatever names its members. */
export function groupMembers<T extends z.ZodType>(member: T): z.ZodArray<T> {
  return z.array(member).max(MAX_CONNECTORS_PER_GROUP, {
    error: `a group holds at most ${MAX_CONNECTORS_PER_GROUP} voice connectors; remove some`,
  });
}

export const e164 = z.string().regex(/^(\+[1-9]\d{6,14}|\d{5,6})$/, {
  error: 'is not a phone number; use E.164 (e.g. +12065550100) or a 5-6 digit short code',
});

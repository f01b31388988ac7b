import { z } from 'zod';
import {
  AWS_REGIONS,
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_TYPES,
  PRODUCT_TYPES,
} from '../simulator/domain/types';

/**
 * The inputs of the four resources: the one source of truth for their shapes. The
 * provider's `check` validates with these; schema/*.schema.json and the inventory schema
 * are generated from them (`npm run schemas`), and a test fails when the files drift.
 */

export const tagsSchema = z
  .record(z.string().min(1).max(128), z.string().max(256))
  .describe('Key-value tags (at most 50).');

const adoptExistingId = z
  .string()
  .min(1)
  .describe(
    'Take over this existing object (by id) instead of creating one; the next preview plans no changes.',
  );

export const voiceConnectorInputs = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[A-Za-z0-9 _.:/=+@-]+$/, {
        error: 'use letters, digits, spaces and _ . : / = + @ - only',
      })
      .describe('The connector’s name; defaults to the resource name. Changes in place.')
      .meta({ 'x-hint': 'use letters, digits, spaces and _ . : / = + @ - only' })
      .optional(),
    awsRegion: z
      .enum(AWS_REGIONS)
      .describe('AWS Region the connector lives in. Changing it replaces the connector.'),
    requireEncryption: z
      .boolean()
      .default(true)
      .describe('Require TLS and SRTP on calls. Changes in place.'),
    tags: tagsSchema.optional(),
    adoptExistingId: adoptExistingId.optional(),
  })
  .meta({ title: 'VoiceConnector', description: 'An Amazon Chime Voice Connector.' });

export const groupConnectorInput = z
  .strictObject({
    voiceConnectorId: z.string().min(1).describe('Id of a voice connector.'),
    priority: z
      .number()
      .int({ error: 'must be a whole number from 1 to 99' })
      .min(1, { error: 'must be from 1 (tried first) to 99' })
      .max(99, { error: 'must be from 1 (tried first) to 99' })
      .describe('1..99; 1 is tried first; no two connectors of a group share a priority.'),
  })
  .meta({ title: 'Group member' });

export const voiceConnectorGroupInputs = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(256)
      .describe('The group’s name; defaults to the resource name. Renaming keeps the connectors.')
      .optional(),
    connectors: z
      .array(groupConnectorInput)
      .max(3, { error: 'a group holds at most 3 voice connectors; remove some' })
      .describe('At most 3 connectors, each once, each with its own priority. Changes in place.'),
    adoptExistingId: adoptExistingId.optional(),
  })
  .meta({
    title: 'VoiceConnectorGroup',
    description: 'Voice connectors across Regions; inbound calls fail over by priority.',
  });

export const optOutListName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'use 1-64 letters, digits, underscores or hyphens' })
  .meta({ 'x-hint': 'use 1-64 letters, digits, underscores or hyphens' });

export const optOutListInputs = z
  .strictObject({
    name: optOutListName
      .refine((name) => name !== 'Default', {
        error:
          'Default is every account’s built-in list and is not managed; choose another name, or leave optOutListName out on numbers to use Default',
      })
      .describe('The list’s name; defaults to the resource name. Changing it replaces the list.')
      .optional(),
    tags: tagsSchema.describe('Tags. Changing them replaces the list.').optional(),
    adoptExistingId: adoptExistingId.optional(),
  })
  .meta({
    title: 'OptOutList',
    description: 'An SMS opt-out list; a list in use by a number cannot be deleted.',
  });

export const phoneNumberInputs = z
  .strictObject({
    isoCountryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. US' })
      .describe('ISO 3166-1 alpha-2 country, e.g. US. Changing it replaces the number.')
      .meta({ 'x-hint': 'use an ISO 3166-1 alpha-2 code in capitals, e.g. US' }),
    numberType: z
      .enum(NUMBER_TYPES)
      .describe('The kind of number. Changing it replaces the number.'),
    numberCapabilities: z
      .array(z.enum(NUMBER_CAPABILITIES))
      .min(1, { error: 'must name at least one of SMS, VOICE, MMS' })
      .refine((list) => new Set(list).size === list.length, {
        error: 'lists a capability twice; name each once',
      })
      .describe('Non-empty subset of SMS, VOICE, MMS. Changing it replaces the number.'),
    messageType: z.enum(MESSAGE_TYPES).describe('Changes in place.').optional(),
    productType: z
      .enum(PRODUCT_TYPES)
      .describe('Only unassigned numbers switch type. Changes in place.')
      .optional(),
    areaCode: z
      .string()
      .regex(/^\d{3}$/, { error: 'must be three digits, e.g. 206' })
      .describe('Three-digit area code (US, CA); by default the backend chooses. Replaces.')
      .meta({ 'x-hint': 'use three digits, e.g. 206' })
      .optional(),
    deletionProtectionEnabled: z
      .boolean()
      .default(false)
      .describe('A protected number is never released. Changes in place.'),
    optOutListName: optOutListName
      .default('Default')
      .describe('Opt-out list; the account’s built-in list Default if omitted. Changes in place.'),
    selfManagedOptOutsEnabled: z.boolean().default(false).describe('Changes in place.'),
    twoWayEnabled: z
      .boolean()
      .default(false)
      .describe('Two-way messaging; needs twoWayChannelArn. Changes in place.'),
    twoWayChannelArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:\S+$/, {
        error: 'is not an ARN; use e.g. arn:aws:sns:us-east-1:111122223333:MyTopic',
      })
      .describe('Where replies go when two-way is on. Changes in place.')
      .meta({ 'x-hint': 'use an ARN such as arn:aws:sns:us-east-1:111122223333:MyTopic' })
      .optional(),
    registrationId: z
      .string()
      .min(1)
      .max(64)
      .describe('10DLC campaign registration; required for TEN_DLC. Changes in place.')
      .optional(),
    voiceConnectorId: z
      .string()
      .min(1)
      .describe('Assign to this voice connector (productType VoiceConnector). In place.')
      .optional(),
    voiceConnectorGroupId: z
      .string()
      .min(1)
      .describe('Or to this voice connector group (not both). Changes in place.')
      .optional(),
    waitForActive: z
      .boolean()
      .default(true)
      .describe('Create returns once the number is ACTIVE; false returns at PENDING.'),
    tags: tagsSchema.optional(),
    adoptExistingId: z
      .string()
      .regex(/^phone-[0-9a-f]{32}$/, {
        error: 'is not a phoneNumberId (phone- and 32 hex digits)',
      })
      .describe('Take over this existing number (by phoneNumberId) instead of claiming one.')
      .meta({ 'x-hint': 'use a phoneNumberId: phone- and 32 hex digits' })
      .optional(),
  })
  .meta({
    title: 'PhoneNumber',
    description: 'A phone number, chosen and claimed in one atomic step.',
  });

import { z } from 'zod';
import {
  areaCode,
  awsRegion,
  channelArn,
  groupMembers,
  isoCountryCode,
  messageType,
  numberCapabilities,
  numberType,
  objectId,
  optOutListName as listName,
  optOutListReference,
  phoneNumberReference,
  priority,
  productType,
  registrationId,
  resourceName,
  tags,
} from '../model/fields';
import { DEFAULT_OPT_OUT_LIST, DEFAULTS } from '../model/limits';

/**
 * The inputs of the four resources, built from the rule book's fields (provider/model/),
 * with what each means for the resource's lifecycle (replace or change in place). The
 * provider's `check` validates with these; schema/*.schema.json and the inventory schema
 * are generated from them (`npm run schemas`), and a test fails when the files drift.
 */

const ADOPT =
  'Take over this existing object (by id) instead of creating one; the next preview plans no changes.';

export const voiceConnectorInputs = z
  .strictObject({
    name: resourceName
      .describe('The connector’s name; defaults to the resource name. Changes in place.')
      .optional(),
    awsRegion: awsRegion.describe(
      'AWS Region the connector lives in. Changing it replaces the connector.',
    ),
    requireEncryption: z
      .boolean()
      .default(DEFAULTS.requireEncryption)
      .describe('Require TLS and SRTP on calls. Changes in place.'),
    tags: tags.optional(),
    adoptExistingId: objectId.describe(ADOPT).optional(),
  })
  .meta({ title: 'VoiceConnector', description: 'An Amazon Chime Voice Connector.' });

const groupConnectorInput = z
  .strictObject({
    voiceConnectorId: objectId.describe('Id of a voice connector.'),
    priority,
  })
  .meta({ title: 'Group member' });

export const voiceConnectorGroupInputs = z
  .strictObject({
    name: resourceName
      .describe('The group’s name; defaults to the resource name. Renaming keeps the connectors.')
      .optional(),
    connectors: groupMembers(groupConnectorInput).describe(
      'At most 3 connectors, each once, each with its own priority. Changes in place.',
    ),
    adoptExistingId: objectId.describe(ADOPT).optional(),
  })
  .meta({
    title: 'VoiceConnectorGroup',
    description: 'Voice connectors across Regions; inbound calls fail over by priority.',
  });

export const optOutListInputs = z
  .strictObject({
    name: listName
      .describe(
        'The list’s name; defaults to the resource name and a suffix derived from its URN and tags (in an inventory: its key). Changing it replaces the list.',
      )
      .optional(),
    tags: tags.describe('Tags. Changing them replaces the list.').optional(),
    adoptExistingId: z.string().min(1).describe(ADOPT).optional(),
  })
  .meta({
    title: 'OptOutList',
    description: 'An SMS opt-out list; a list in use by a number cannot be deleted.',
  });

export const phoneNumberInputs = z
  .strictObject({
    isoCountryCode: isoCountryCode.describe(
      'ISO 3166-1 alpha-2 country, e.g. US. Changing it replaces the number.',
    ),
    numberType: numberType.describe('The kind of number. Changing it replaces the number.'),
    numberCapabilities: numberCapabilities.describe(
      'Non-empty subset of SMS, VOICE, MMS. Changing it replaces the number.',
    ),
    messageType: messageType.describe('Changes in place.').optional(),
    productType: productType
      .describe('Only unassigned numbers switch type. Changes in place.')
      .optional(),
    areaCode: areaCode
      .describe('Three-digit area code (US, CA); by default the backend chooses. Replaces.')
      .optional(),
    deletionProtectionEnabled: z
      .boolean()
      .default(DEFAULTS.deletionProtectionEnabled)
      .describe('A protected number is never released. Changes in place.'),
    optOutListName: optOutListReference
      .default(DEFAULT_OPT_OUT_LIST)
      .describe(
        'Opt-out list, by name or ARN; the account’s built-in list Default if omitted. Changes in place.',
      ),
    selfManagedOptOutsEnabled: z
      .boolean()
      .default(DEFAULTS.selfManagedOptOutsEnabled)
      .describe('Changes in place.'),
    twoWayEnabled: z
      .boolean()
      .default(DEFAULTS.twoWayEnabled)
      .describe('Two-way messaging; needs twoWayChannelArn. Changes in place.'),
    twoWayChannelArn: channelArn
      .describe('Where replies go when two-way is on. Changes in place.')
      .optional(),
    registrationId: registrationId
      .describe('10DLC campaign registration; required for TEN_DLC. Changes in place.')
      .optional(),
    voiceConnectorId: objectId
      .describe('Assign to this voice connector (productType VoiceConnector). In place.')
      .optional(),
    voiceConnectorGroupId: objectId
      .describe('Or to this voice connector group (not both). Changes in place.')
      .optional(),
    waitForActive: z
      .boolean()
      .default(true)
      .describe('Create returns once the number is ACTIVE; false returns at PENDING.'),
    tags: tags.optional(),
    adoptExistingId: phoneNumberReference
      .describe('Take over this existing number (by phoneNumberId or ARN) instead of claiming one.')
      .optional(),
  })
  .meta({
    title: 'PhoneNumber',
    description: 'A phone number, chosen and claimed in one atomic step.',
  });

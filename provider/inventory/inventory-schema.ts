import { z } from 'zod';
import { groupMembers, priority } from '../model/fields';
import { MAX_GROUPS_PER_ACCOUNT } from '../model/limits';
import {
  optOutListInputs,
  phoneNumberInputs,
  voiceConnectorGroupInputs,
  voiceConnectorInputs,
} from '../resources/input-schemas';

/** Keys name resources (`count` adds `-1`, `-2`, …); they must make valid resource names. */
export const KEY_PATTERN = /^[a-z][a-z0-9-]{0,55}$/;
const KEY_HINT = 'use lowercase letters, digits and hyphens, starting with a letter (at most 56)';

const key = z.string().regex(KEY_PATTERN).meta({ 'x-hint': KEY_HINT });

const reference = (what: string, section: string) =>
  z
    .string()
    .regex(KEY_PATTERN)
    .meta({ 'x-hint': `use the key of a ${what} under ${section}` })
    .describe(`Key of a ${what} declared under ${section} in this file.`);

export const MAX_COUNT = 100;

/** The YAML inventory: one file declares a whole environment; entries refer to each other by key. */
export const inventorySchema = z
  .strictObject({
    voiceConnectors: z
      .record(key, voiceConnectorInputs)
      .describe('Voice connectors by key.')
      .optional(),
    voiceConnectorGroups: z
      .record(
        key,
        voiceConnectorGroupInputs.omit({ connectors: true }).extend({
          connectors: groupMembers(
            z
              .strictObject({
                voiceConnector: reference('voice connector', 'voiceConnectors'),
                priority,
              })
              .meta({ title: 'Group member' }),
          ).describe('At most 3 connectors, each once, each with its own priority (1 first).'),
        }),
      )
      .describe(`Voice connector groups by key; at most ${MAX_GROUPS_PER_ACCOUNT} per account.`)
      .optional(),
    optOutLists: z.record(key, optOutListInputs).describe('Opt-out lists by key.').optional(),
    phoneNumbers: z
      .record(
        key,
        phoneNumberInputs
          .omit({ voiceConnectorId: true, voiceConnectorGroupId: true, optOutListName: true })
          .extend({
            count: z
              .number()
              .int()
              .min(1)
              .max(MAX_COUNT)
              .describe(
                'Declare this many numbers, named KEY-1 … KEY-N; growing the count creates only the new ones.',
              )
              .optional(),
            voiceConnector: reference('voice connector', 'voiceConnectors').optional(),
            voiceConnectorGroup: reference(
              'voice connector group',
              'voiceConnectorGroups',
            ).optional(),
            optOutList: reference('opt-out list', 'optOutLists')
              .describe(
                'Key of an opt-out list under optOutLists; the built-in Default if omitted.',
              )
              .optional(),
          }),
      )
      .describe('Phone numbers by key.')
      .optional(),
  })
  .meta({
    title: 'numberplane inventory',
    description:
      'Phone numbers, voice connectors, voice connector groups and opt-out lists of one environment.',
  });

/** An inventory as written (defaults not applied: the provider applies them). */
export type Inventory = z.input<typeof inventorySchema>;
export type InventoryPhoneNumber = NonNullable<Inventory['phoneNumbers']>[string];

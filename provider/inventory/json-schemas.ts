import { z } from 'zod';
import {
  optOutListInputs,
  phoneNumberInputs,
  voiceConnectorGroupInputs,
  voiceConnectorInputs,
} from '../resources/input-schemas';
import { ciResultSchema } from '../ci/ci-result';
import { inventorySchema } from './inventory-schema';

const SCHEMAS: Record<string, z.ZodType> = {
  'inventory.schema.json': inventorySchema,
  'phone-number.schema.json': phoneNumberInputs,
  'voice-connector.schema.json': voiceConnectorInputs,
  'voice-connector-group.schema.json': voiceConnectorGroupInputs,
  'opt-out-list.schema.json': optOutListInputs,
  'ci-result.schema.json': ciResultSchema,
};

export const SCHEMA_BASE_ID = 'https://numberplane.dev/schema/';

/** The JSON Schemas (draft 2020-12) of schema/, generated from the zod shapes. */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  const result: Record<string, Record<string, unknown>> = {};
  for (const [file, schema] of Object.entries(SCHEMAS)) {
    const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    const { $schema, ...rest } = generated;
    result[file] = { $schema, $id: `${SCHEMA_BASE_ID}${file}`, ...rest };
  }
  return result;
}

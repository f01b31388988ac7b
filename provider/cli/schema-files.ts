import type { z } from 'zod';
import { ciResultSchema } from '../ci/ci-result';
import { inventorySchema } from '../inventory/inventory-schema';
import { jsonSchemaOf } from '../inventory/json-schemas';
import {
  optOutListInputs,
  phoneNumberInputs,
  voiceConnectorGroupInputs,
  voiceConnectorInputs,
} from '../resources/input-schemas';

/** Every file of schema/ and the zod shape it is generated from (the one source). */
const SCHEMAS: Record<string, z.ZodType> = {
  'inventory.schema.json': inventorySchema,
  'phone-number.schema.json': phoneNumberInputs,
  'voice-connector.schema.json': voiceConnectorInputs,
  'voice-connector-group.schema.json': voiceConnectorGroupInputs,
  'opt-out-list.schema.json': optOutListInputs,
  'ci-result.schema.json': ciResultSchema,
};

/** The JSON Schemas (draft 2020-12) of schema/, generated from the zod shapes. */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([file, schema]) => [file, jsonSchemaOf(file, schema)]),
  );
}

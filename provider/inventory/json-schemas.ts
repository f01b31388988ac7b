import { z } from 'zod';
import { inventorySchema } from './inventory-schema';

export const SCHEMA_BASE_ID = 'https://numberplane.dev/schema/';

/** The JSON Schema (draft 2020-12) a zod shape generates, named by its file in schema/. */
export function jsonSchemaOf(file: string, schema: z.ZodType): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${SCHEMA_BASE_ID}${file}`, ...rest };
}

/** schema/inventory.schema.json: what ajv checks an inventory file against. */
export const inventoryJsonSchema = (): Record<string, unknown> =>
  jsonSchemaOf('inventory.schema.json', inventorySchema);

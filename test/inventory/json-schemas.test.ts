import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { jsonSchemas } from '../../provider/cli/schema-files';
import { parseInventory } from '../../provider/inventory/load-inventory';

const ROOT = join(__dirname, '..', '..');

describe('the JSON Schemas in schema/', () => {
  it('are exactly what the zod shapes generate (run npm run schemas after changing a shape)', () => {
    const generated = jsonSchemas();
    const committed = readdirSync(join(ROOT, 'schema'))
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    expect(committed).toEqual(Object.keys(generated).sort());
    for (const [file, schema] of Object.entries(generated)) {
      expect(JSON.parse(readFileSync(join(ROOT, 'schema', file), 'utf8'))).toEqual(schema);
    }
  });

  it('are draft 2020-12 with titles and descriptions for editor completion', () => {
    const inventory = jsonSchemas()['inventory.schema.json'] as Record<string, unknown>;
    expect(inventory.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(inventory.title).toBe('numberplane inventory');
    const text = JSON.stringify(inventory);
    expect(text).toContain(
      '"description":"AWS Region the connector lives in. Changing it replaces the connector."',
    );
    expect(text).toContain('"default":true');
  });

  it('accept every example inventory, in ajv and in the loader', () => {
    const ajv = new Ajv2020({ strict: true });
    ajv.addKeyword('x-hint');
    const validate = ajv.compile(jsonSchemas()['inventory.schema.json'] as object);
    const inventories = [
      join(ROOT, 'examples', 'sample-inventory.yaml'),
      ...readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) =>
          readdirSync(join(ROOT, 'examples', entry.name))
            .filter((file) => file.endsWith('.yaml') && !file.startsWith('Pulumi'))
            .map((file) => join(ROOT, 'examples', entry.name, file)),
        ),
    ];
    for (const file of inventories) {
      const text = readFileSync(file, 'utf8');
      expect({ file, valid: validate(parse(text)), errors: validate.errors ?? null }).toEqual({
        file,
        valid: true,
        errors: null,
      });
      expect(parseInventory(text, file).problems).toEqual([]);
    }
  });
});

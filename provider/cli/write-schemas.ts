// `npm run schemas`: writes schema/*.schema.json from the zod shapes (the one source).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../engine/engine-location';
import { jsonSchemas } from './schema-files';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  const path = join(findPackageRoot(), 'schema', file);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}

// `npm run schemas`: writes schema/*.schema.json and the plugin's package schema,
// schema/pulumi-package.json, from the zod shapes (the one source).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../engine/engine-location';
import { packageSchema, packageVersion } from '../plugin/package-schema';
import { jsonSchemas } from './schema-files';

const files = { ...jsonSchemas(), 'pulumi-package.json': packageSchema(packageVersion()) };
for (const [file, schema] of Object.entries(files)) {
  const path = join(findPackageRoot(), 'schema', file);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}

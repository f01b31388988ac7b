#!/usr/bin/env node
// `npm run demo`: brings the root project up on a local file backend under .numberplane/,
// shows its outputs, proves a second preview plans no changes, then tears it down.
// (For now the root project is the engine smoke stack; the inventory demo replaces it.)
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { runStackOperationInProcess } = require(
  join(root, 'dist', 'provider', 'engine', 'stack-operation-process.js'),
);

const workDir = join(root, '.numberplane', 'demo');
const request = {
  projectDir: root,
  stackName: 'demo',
  stateDir: join(workDir, 'state'),
  pulumiHome: join(workDir, 'pulumi-home'),
  passphrase: process.env.PULUMI_CONFIG_PASSPHRASE ?? 'numberplane-demo',
};
mkdirSync(request.stateDir, { recursive: true });
mkdirSync(request.pulumiHome, { recursive: true });

async function step(title, operation, options = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const result = await runStackOperationInProcess({ ...request, ...options, operation });
  if (!result.ok) {
    process.stderr.write(`demo: ${operation} failed: ${result.error}\n`);
    process.exit(1);
  }
  process.stdout.write(`changes: ${JSON.stringify(result.changes ?? {})}\n`);
  return result;
}

const up = await step('pulumi up', 'up');
process.stdout.write(`pulumi v${up.cliVersion}\noutputs: ${JSON.stringify(up.outputs, null, 2)}\n`);
await step('pulumi preview (expects no changes)', 'preview', { expectNoChanges: true });
await step('pulumi destroy', 'destroy');
process.stdout.write(
  '\ndemo finished: up, a no-change preview and destroy all ran on the real engine.\n',
);

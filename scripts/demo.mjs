#!/usr/bin/env node
// `npm run demo`: brings examples/sample-inventory.yaml up in the root project with the
// commands a user types (`pulumi stack select`, `pulumi config set`, `pulumi up`, ...), run
// by the real CLI and the official language host, on the embedded simulator
// (.numberplane/simulator.db). It prints each command and a summary of what it printed,
// shows that a second preview plans no changes, and routes a call to the support line
// during a simulated us-east-1 outage. The environment stays up; run it again and nothing
// changes. Delete .numberplane/ to start over.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { runPulumi } = require(join(root, 'dist', 'provider', 'engine', 'pulumi-cli.js'));
const { locateEngine } = require(join(root, 'dist', 'provider', 'engine', 'engine-location.js'));

const demoDir = join(root, '.numberplane', 'demo');
// The demo's own state backend and Pulumi home, so it never touches a user's ~/.pulumi.
const env = {
  PULUMI_BACKEND_URL: `file://${join(demoDir, 'state')}`,
  PULUMI_HOME: join(demoDir, 'pulumi-home'),
  PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? 'numberplane-demo',
};
mkdirSync(join(demoDir, 'state'), { recursive: true });
mkdirSync(env.PULUMI_HOME, { recursive: true });

const say = (text) => process.stdout.write(`${text}\n`);
const indent = (text) => text.replace(/^/gm, '    ');

/** What a user reads first in pulumi's output: the resource counts and the duration. */
function summary(stdout) {
  const lines = stdout.split('\n');
  const start = lines.findLastIndex((line) => line.startsWith('Resources:'));
  if (start < 0) return stdout.trim().split('\n').slice(-3).join('\n');
  return lines
    .slice(start)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

async function pulumi(...args) {
  say(`\n$ pulumi ${args.join(' ')}`);
  const result = await runPulumi(args, { cwd: root, env });
  if (result.code !== 0) {
    process.stderr.write(`demo: \`${result.command}\` failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
  return result;
}

function numberplane(...args) {
  say(`\n$ npx numberplane ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'numberplane.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`demo: numberplane ${args.join(' ')} failed:\n${result.stderr}`);
    process.exit(1);
  }
  if (result.stdout.trim()) say(indent(result.stdout.trimEnd()));
  return result.stdout;
}

const engine = locateEngine();
const path = [...new Set([engine.binDir, engine.languageHost.dir])].join(':');
say('The demo types these commands in the root project, with the pulumi CLI and language');
say('host that setup provided and a state backend of its own. To carry on where it stops:');
say(`  cd ${root}`);
say(`  export PATH="${path}:$PATH"`);
for (const [key, value] of Object.entries(env)) say(`  export ${key}=${value}`);

say(indent((await pulumi('version')).stdout.trim()));
await pulumi('stack', 'select', '--create', 'demo');
await pulumi('config', 'set', 'numberplane:inventory', 'examples/sample-inventory.yaml');
// Toll-free and 10DLC numbers take days to become ACTIVE; run the simulator's clock
// 500,000 times faster while they are ordered, so days pass in seconds.
numberplane('clock', 'scale', '500000');
const up = await pulumi('up', '--yes');
say(indent(summary(up.stdout)));
numberplane('clock', 'scale', '1');
const outputs = JSON.parse((await pulumi('stack', 'output', '--json')).stdout);
say(indent(`numbers: ${JSON.stringify(outputs.numbers, null, 2)}`));
say(indent(`routing order: ${JSON.stringify(outputs.routing)}`));

const preview = await pulumi('preview', '--expect-no-changes');
say(indent(summary(preview.stdout)));

const support = outputs.numbers.support;
numberplane('faults', 'outage', 'start', 'us-east-1');
numberplane('route-call', support);
numberplane('faults', 'outage', 'end', 'us-east-1');

say(
  '\ndemo finished: the environment is up (state in .numberplane/); run npm run demo again to see nothing change.',
);

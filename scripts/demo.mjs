#!/usr/bin/env node
// `npm run demo`: brings examples/sample-inventory.yaml up through the real engine on the
// embedded simulator (.numberplane/simulator.db), prints the outputs, shows that a second
// preview plans no changes, and routes a call to the support line during a simulated
// us-east-1 outage. The environment stays up; run it again and nothing changes. Delete
// .numberplane/ to start over.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (path) => require(join(root, 'dist', 'provider', path));
const { runStackOperationInProcess } = dist('engine/stack-operation-process.js');
const { EmbeddedClient } = dist('client/embedded-client.js');
const { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } = dist('simulator/service/simulator.js');

const workDir = join(root, '.numberplane', 'demo');
const request = {
  projectDir: root,
  stackName: 'demo',
  stateDir: join(workDir, 'state'),
  pulumiHome: join(workDir, 'pulumi-home'),
  passphrase: process.env.PULUMI_CONFIG_PASSPHRASE ?? 'numberplane-demo',
  config: { 'numberplane:inventory': { value: 'examples/sample-inventory.yaml' } },
};
mkdirSync(request.stateDir, { recursive: true });
mkdirSync(request.pulumiHome, { recursive: true });

const say = (text) => process.stdout.write(`${text}\n`);

async function step(title, operation, options = {}) {
  say(`\n== ${title}`);
  const result = await runStackOperationInProcess({ ...request, ...options, operation });
  if (!result.ok) {
    process.stderr.write(`demo: ${operation} failed:\n${result.error}\n`);
    process.exit(1);
  }
  say(`changes: ${JSON.stringify(result.changes ?? {})}`);
  return result;
}

// The same store the provider opens (the project's default embedded endpoint).
const simulator = EmbeddedClient.open(`file:${join(root, '.numberplane', 'simulator.db')}`, {
  apiKey: DEFAULT_API_KEY,
  adminKey: DEFAULT_ADMIN_KEY,
});

// Toll-free and 10DLC numbers take days to become ACTIVE; run the virtual clock 500,000
// times faster while they are ordered, so days pass in seconds.
await simulator.admin('ChangeClock', { body: { action: 'scale', scale: 500000 } });
const up = await step('pulumi up (examples/sample-inventory.yaml)', 'up');
await simulator.admin('ChangeClock', { body: { action: 'scale', scale: 1 } });
say(`pulumi v${up.cliVersion}`);
say(`numbers: ${JSON.stringify(up.outputs.numbers, null, 2)}`);
say(`routing order: ${JSON.stringify(up.outputs.routing)}`);

await step('pulumi preview (a second preview plans no changes)', 'preview', {
  expectNoChanges: true,
});

say('\n== failover: us-east-1 goes down');
const support = up.outputs.numbers.support;
await simulator.admin('StartOutage', { body: { awsRegion: 'us-east-1' } });
const route = await simulator.call('RouteCall', { body: { phoneNumber: support } });
await simulator.admin('EndOutage', { id: 'us-east-1' });
for (const attempt of route.attempts) {
  say(
    `  priority ${attempt.priority}: ${attempt.voiceConnectorId} (${attempt.awsRegion}) ${attempt.outcome}`,
  );
}
say(
  route.routed
    ? `a call to ${support} is answered in ${route.awsRegion} while us-east-1 is down`
    : `a call to ${support} is not routed: ${route.reason}`,
);
await simulator.close();
say(
  '\ndemo finished: the environment is up (state in .numberplane/); run npm run demo again to see nothing change.',
);

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const API_KEY = 'np_distinctive_secret_key_7f3a9c21e5b84d06';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface StateResource {
  type: string;
  inputs?: Record<string, unknown>;
}

/** An opt-out list and a number on it. */
const LIST_AND_NUMBER: TelephonySpec = {
  optOutLists: { marketing: {} },
  numbers: {
    line: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS'],
      optOutList: 'marketing',
    },
  },
};

/** What no provider may carry: a client, the store, the schema library or a key. */
const FORBIDDEN = /better-sqlite3|fastify|ZodType|HttpClient|np_local_default_key/;

/** The `__provider` string of each numberplane resource kind in an exported deployment. */
function providersByKind(deployment: unknown): Record<string, string> {
  const providers: Record<string, string> = {};
  for (const resource of (deployment as { resources: StateResource[] }).resources) {
    if (!resource.type.startsWith('pulumi-nodejs:dynamic/numberplane:')) continue;
    const code = resource.inputs?.__provider;
    expect(typeof code).toBe('string');
    providers[resource.type.split(':').pop() ?? ''] = code as string;
  }
  return providers;
}

describe('what the stack keeps of the provider and its settings', () => {
  let env: TelephonyStack;
  let upLog = '';

  beforeAll(async () => {
    env = await startTelephonyStack({ apiKey: API_KEY });
    const up = await env.up({
      connectors: { east: { awsRegion: 'us-east-1' } },
      groups: { main: { connectors: [{ connector: 'east', priority: 1 }] } },
      ...LIST_AND_NUMBER,
    });
    expect(up.error).toBeUndefined();
    upLog = up.stdout ?? '';
  });

  afterAll(async () => {
    await env.close();
  });

  it('never holds the API key in plaintext: not in the state files, the stack export, the config file or the engine log', async () => {
    const stateFiles = filesUnder(env.stack.stateDir);
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const file of stateFiles) expect(readFileSync(file, 'utf8')).not.toContain(API_KEY);
    const exported = await env.stack.exportDeployment();
    expect(exported.ok).toBe(true);
    expect(exported.stdout).toContain('pulumi-nodejs:dynamic/numberplane:PhoneNumber');
    expect(exported.stdout).not.toContain(API_KEY);
    const config = readFileSync(
      join(env.stack.projectDir, `Pulumi.${env.stack.stackName}.yaml`),
      'utf8',
    );
    expect(config).toContain('numberplane:apiKey:\n    secure:');
    expect(config).not.toContain(API_KEY);
    expect(upLog).toContain('pulumi-nodejs:dynamic/numberplane:PhoneNumber');
    expect(upLog).not.toContain(API_KEY);
  });

  it("stores each resource's provider as a one-line require of the installed package, carrying no client, store or schema library", async () => {
    const exported = await env.stack.exportDeployment();
    const providers = providersByKind(exported.deployment);
    expect(Object.keys(providers).sort()).toEqual([
      'OptOutList',
      'PhoneNumber',
      'VoiceConnector',
      'VoiceConnectorGroup',
    ]);
    const sizes: Record<string, number> = {};
    for (const [kind, code] of Object.entries(providers)) {
      sizes[kind] = Buffer.byteLength(code);
      const module = kind.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();
      expect(code).toContain(
        `require("numberplane/dist/provider/resources/providers/${module}-provider.js")`,
      );
      expect(code).not.toMatch(FORBIDDEN);
      expect(Buffer.byteLength(code)).toBeLessThan(512);
    }
    process.stdout.write(`__provider bytes per resource (installed): ${JSON.stringify(sizes)}\n`);
  });
});

describe('a stack whose program finds numberplane through a symlinked checkout (npm link)', () => {
  it('stores the provider as its own small code, which loads the hooks by name and drives the backend', async () => {
    const env = await startTelephonyStack({ packageLayout: 'linked' });
    try {
      const up = await env.up(LIST_AND_NUMBER);
      expect(up.error).toBeUndefined();
      const exported = await env.stack.exportDeployment();
      const providers = providersByKind(exported.deployment);
      expect(Object.keys(providers).sort()).toEqual(['OptOutList', 'PhoneNumber']);
      for (const code of Object.values(providers)) {
        expect(code).not.toContain('require("numberplane/dist/provider/resources/providers/');
        expect(code).toContain('numberplane/dist/provider/resources/hooks/');
        expect(code).not.toMatch(FORBIDDEN);
        expect(Buffer.byteLength(code)).toBeLessThan(3_072);
      }
      const numbers = (await env.client.call('ListPhoneNumbers', {})).items;
      expect(numbers.map((n) => n.status)).toEqual(['ACTIVE']);
      const destroy = await env.destroy();
      expect(destroy.error).toBeUndefined();
    } finally {
      await env.close();
    }
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTelephonyStack, type TelephonyStack } from './telephony-stack';

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

describe('what the stack keeps of the provider and its settings', () => {
  let env: TelephonyStack;
  let upLog = '';

  beforeAll(async () => {
    env = await startTelephonyStack({ apiKey: API_KEY });
    const up = await env.up({
      connectors: { east: { awsRegion: 'us-east-1' } },
      groups: { main: { connectors: [{ connector: 'east', priority: 1 }] } },
      optOutLists: { marketing: {} },
      numbers: {
        line: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['SMS'],
          optOutList: 'marketing',
        },
      },
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

  it('stores a small provider per resource that carries no client, store or schema library', async () => {
    const exported = await env.stack.exportDeployment();
    const resources = (exported.deployment as { resources: StateResource[] }).resources.filter(
      (r) => r.type.startsWith('pulumi-nodejs:dynamic/numberplane:'),
    );
    expect(resources.map((r) => r.type.split(':').pop()).sort()).toEqual([
      'OptOutList',
      'PhoneNumber',
      'VoiceConnector',
      'VoiceConnectorGroup',
    ]);
    const sizes: Record<string, number> = {};
    for (const resource of resources) {
      const provider = resource.inputs?.__provider;
      expect(typeof provider).toBe('string');
      const code = provider as string;
      sizes[resource.type.split(':').pop() ?? ''] = Buffer.byteLength(code);
      expect(code).toContain('numberplane/dist/provider/resources/hooks/');
      expect(code).not.toMatch(/better-sqlite3|fastify|ZodType|HttpClient|np_local_default_key/);
      expect(Buffer.byteLength(code)).toBeLessThan(3_072);
    }
    process.stdout.write(`__provider bytes per resource: ${JSON.stringify(sizes)}\n`);
  });
});

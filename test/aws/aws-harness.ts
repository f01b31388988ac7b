import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { HttpClient } from '../../provider/client/http-client';
import { buildApp } from '../../provider/simulator/http/build-app';
import type { RequestLogEntry } from '../../provider/simulator/http/request-log';
import { Simulator, type SimulatorOptions } from '../../provider/simulator/service/simulator';

/** A simulator served on a random loopback port, for AWS clients pointed at it. */
export interface AwsHarness {
  /** `http://127.0.0.1:PORT`: what `endpoint` / `--endpoint-url` take. */
  readonly endpoint: string;
  /** The `/v1` API with the default account's key and the admin key. */
  readonly v1: HttpClient;
  /** Credentials an AWS client signs with: the API key as access key id, any secret. */
  credentials(apiKey?: string): { accessKeyId: string; secretAccessKey: string };
  /** Every request-log line written so far. */
  readonly log: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startAwsHarness(
  options: Partial<SimulatorOptions> = {},
): Promise<AwsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-aws-'));
  const simulator = Simulator.open({ path: join(dir, 'simulator.db'), ...options });
  const log: RequestLogEntry[] = [];
  const app = buildApp({ simulator, requestLog: (entry) => log.push(entry) });
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  const v1 = new HttpClient({
    endpoint,
    apiKey: options.bootstrapApiKey ?? DEFAULT_API_KEY,
    adminKey: options.adminApiKey ?? DEFAULT_ADMIN_KEY,
  });
  await v1.admin('ChangeClock', { body: { action: 'freeze' } });
  return {
    endpoint,
    v1,
    log,
    credentials: (apiKey = options.bootstrapApiKey ?? DEFAULT_API_KEY) => ({
      accessKeyId: apiKey,
      secretAccessKey: 'any-secret-will-do',
    }),
    async close() {
      await app.close();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The two stores the conformance suite runs on. */
export const STORES = ['a fresh store', 'a store with data made through /v1'] as const;
export type StoreKind = (typeof STORES)[number];

/**
 * Objects a `/v1` user made before any AWS client came: a connector and a group, an opt-out
 * list with a number on it and a number using it, a protected number, one in the deletion queue.
 */
export async function seedThroughV1(v1: HttpClient): Promise<void> {
  const connector = await v1.call('CreateVoiceConnector', {
    body: { name: 'legacy-east', awsRegion: 'us-east-1' },
  });
  await v1.call('CreateVoiceConnectorGroup', {
    body: {
      name: 'legacy',
      connectors: [{ voiceConnectorId: connector.voiceConnectorId, priority: 1 }],
    },
  });
  await v1.call('CreateOptOutList', { body: { optOutListName: 'legacy' } });
  await v1.call('PutOptedOutNumber', { id: 'legacy', body: { phoneNumber: '+12065550999' } });
  const sms = { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };
  await v1.call('CreatePhoneNumber', { body: { ...sms, optOutListName: 'legacy' } });
  await v1.call('CreatePhoneNumber', { body: { ...sms, deletionProtectionEnabled: true } });
  const queued = await v1.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
    },
  });
  await v1.call('ReleasePhoneNumber', { id: queued.phoneNumberId });
}

export async function startStore(kind: StoreKind): Promise<AwsHarness> {
  const harness = await startAwsHarness();
  if (kind === STORES[1]) await seedThroughV1(harness.v1);
  return harness;
}

/** What an AWS SDK client is given to talk to `harness`: its endpoint, an account's key. */
export function clientConfig(
  harness: AwsHarness,
  apiKey?: string,
  maxAttempts = 1,
): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
} {
  return {
    endpoint: harness.endpoint,
    region: 'us-east-1',
    credentials: harness.credentials(apiKey),
    maxAttempts,
  };
}

/** The error `promise` fails with (an SDK's modelled class, with its members). */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

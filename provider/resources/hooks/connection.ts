import { resolve } from 'node:path';
import { EmbeddedClient } from '../../client/embedded-client';
import { HttpClient } from '../../client/http-client';
import type { SimulatorClient } from '../../client/simulator-client';
import { DEFAULT_API_KEY } from '../../simulator/service/simulator';

/** Where the provider finds its backend: stack config first, then the environment. */
export interface ConnectionSettings {
  endpoint: string;
  apiKey: string;
}

/** The embedded store a new project gets, relative to the project directory. */
export const DEFAULT_ENDPOINT = 'file:.numberplane/simulator.db';

interface ConfigLike {
  get(key: string): string | undefined;
}

let configured: Partial<ConnectionSettings> = {};
const clients = new Map<string, SimulatorClient>();

/**
 * Called by the engine (through each provider's `configure`) with the whole stack config.
 * The API key arrives in plaintext here and stays in this process's memory only.
 */
export function configure(config: ConfigLike): void {
  configured = {
    endpoint: config.get('numberplane:endpoint') ?? undefined,
    apiKey: config.get('numberplane:apiKey') ?? undefined,
  };
}

export function connectionSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  return {
    endpoint: configured.endpoint ?? env.NUMBERPLANE_ENDPOINT ?? DEFAULT_ENDPOINT,
    apiKey: configured.apiKey ?? env.NUMBERPLANE_API_KEY ?? DEFAULT_API_KEY,
  };
}

/** One client per endpoint and key for the life of the provider process. */
export function backend(settings: ConnectionSettings = connectionSettings()): SimulatorClient {
  const endpoint = settings.endpoint.startsWith('file:')
    ? `file:${resolve(settings.endpoint.replace(/^file:(\/\/)?/, ''))}`
    : settings.endpoint;
  const key = `${endpoint}\u0000${settings.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    if (endpoint.startsWith('file:')) {
      client = EmbeddedClient.open(endpoint, { apiKey: settings.apiKey });
    } else if (/^https?:\/\//.test(endpoint)) {
      client = new HttpClient({ endpoint, apiKey: settings.apiKey });
    } else {
      throw new Error(
        `numberplane:endpoint "${settings.endpoint}" is not supported; use file:PATH (embedded simulator) or http://HOST:PORT`,
      );
    }
    clients.set(key, client);
  }
  return client;
}

/** For tests: forget configuration and close clients. */
export async function resetConnections(): Promise<void> {
  configured = {};
  for (const client of clients.values()) await client.close();
  clients.clear();
}

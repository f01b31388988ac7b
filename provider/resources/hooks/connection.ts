import {
  canonicalEndpoint,
  connectionSettings as resolveConnection,
  openClient,
  type ConnectionSettings,
} from '../../client/connection-settings';
import type { SimulatorClient } from '../../client/simulator-client';

export { DEFAULT_ENDPOINT } from '../../client/connection-settings';

interface ConfigLike {
  get(key: string): string | undefined;
}

let configured: { endpoint?: string; apiKey?: string } = {};
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

/** Stack config first (`numberplane:endpoint`, `numberplane:apiKey`), then the environment. */
export function connectionSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  return resolveConnection(configured, env);
}

/** One client per endpoint and key for the life of the provider process. */
export function backend(settings: ConnectionSettings = connectionSettings()): SimulatorClient {
  const endpoint = canonicalEndpoint(settings.endpoint);
  const key = `${endpoint}\u0000${settings.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    client = openClient({ ...settings, endpoint });
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

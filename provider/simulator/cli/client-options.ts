import { EmbeddedClient } from '../../client/embedded-client';
import { HttpClient } from '../../client/http-client';
import type { SimulatorClient } from '../../client/simulator-client';
import { validation } from '../domain/errors';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../service/simulator';

/** The embedded store a new user gets: a SQLite file inside the project. */
export const DEFAULT_ENDPOINT = 'file:.numberplane/simulator.db';

export interface ConnectionSettings {
  endpoint: string;
  apiKey: string;
  adminKey: string;
}

/** Flags first, then NUMBERPLANE_* variables, then the documented local defaults. */
export function connectionSettings(
  flags: { endpoint?: string; apiKey?: string; adminKey?: string },
  env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
  return {
    endpoint: flags.endpoint ?? env.NUMBERPLANE_ENDPOINT ?? DEFAULT_ENDPOINT,
    apiKey: flags.apiKey ?? env.NUMBERPLANE_API_KEY ?? DEFAULT_API_KEY,
    adminKey: flags.adminKey ?? env.NUMBERPLANE_ADMIN_KEY ?? DEFAULT_ADMIN_KEY,
  };
}

export function openClient(settings: ConnectionSettings): SimulatorClient {
  if (settings.endpoint.startsWith('file:'))
    return EmbeddedClient.open(settings.endpoint, settings);
  if (/^https?:\/\//.test(settings.endpoint)) return new HttpClient(settings);
  throw validation(
    `endpoint "${settings.endpoint}" is not supported; use file:PATH (embedded) or http://HOST:PORT`,
  );
}

import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../api/default-keys';
import { EmbeddedClient, pathOfFileEndpoint } from './embedded-client';
import { HttpClient } from './http-client';
import type { SimulatorClient } from './simulator-client';

/** The embedded store a new project gets: a SQLite file inside the project directory. */
export const DEFAULT_ENDPOINT = 'file:.numberplane/simulator.db';

/** Where a client finds the simulator and which keys it presents. */
export interface ConnectionSettings {
  /** `file:PATH` (embedded) or `http://HOST:PORT`. */
  readonly endpoint: string;
  readonly apiKey: string;
  readonly adminKey: string;
}

/** What a caller was told (flags, stack config); the rest comes from the environment. */
export type ConnectionChoices = { [K in keyof ConnectionSettings]?: string | undefined };

/**
 * Given values first, then `NUMBERPLANE_ENDPOINT`, `NUMBERPLANE_API_KEY` and
 * `NUMBERPLANE_ADMIN_KEY`, then the documented local defaults. The CLI and the provider
 * both resolve their connection here.
 */
export function connectionSettings(
  given: ConnectionChoices = {},
  env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
  return {
    endpoint: given.endpoint ?? env.NUMBERPLANE_ENDPOINT ?? DEFAULT_ENDPOINT,
    apiKey: given.apiKey ?? env.NUMBERPLANE_API_KEY ?? DEFAULT_API_KEY,
    adminKey: given.adminKey ?? env.NUMBERPLANE_ADMIN_KEY ?? DEFAULT_ADMIN_KEY,
  };
}

/** Raised for an endpoint that is neither `file:` nor `http(s)://`; says what is accepted. */
export class UnsupportedEndpointError extends Error {
  readonly brand = 'numberplane.UnsupportedEndpointError';
  readonly reason = 'unsupported-endpoint';
  constructor(readonly endpoint: string) {
    super(
      `endpoint "${endpoint}" is not supported; use file:PATH (the embedded simulator) or http://HOST:PORT`,
    );
    this.name = 'UnsupportedEndpointError';
  }

  static isInstance(value: unknown): value is UnsupportedEndpointError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === 'numberplane.UnsupportedEndpointError'
    );
  }
}

/**
 * The endpoint with a `file:` path made absolute (relative paths are relative to the
 * current directory: the project's, for the provider), so one store has one name.
 */
export function canonicalEndpoint(endpoint: string): string {
  return endpoint.startsWith('file:') ? `file:${pathOfFileEndpoint(endpoint)}` : endpoint;
}

/** A client for the settings: embedded on a `file:` endpoint, HTTP on an `http(s)://` one. */
export function openClient(settings: ConnectionSettings): SimulatorClient {
  if (settings.endpoint.startsWith('file:')) {
    return EmbeddedClient.open(settings.endpoint, settings);
  }
  if (/^https?:\/\//.test(settings.endpoint)) return new HttpClient(settings);
  throw new UnsupportedEndpointError(settings.endpoint);
}

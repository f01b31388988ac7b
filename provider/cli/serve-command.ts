import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT } from '../client/connection-settings';
import { pathOfFileEndpoint } from '../client/embedded-client';
import { buildApp } from '../simulator/http/build-app';
import { DEFAULT_HTTP_TIMEOUTS } from '../simulator/http/timeouts';
import { Simulator, WellKnownKeysRefused } from '../simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../api/default-keys';
import { CliUsageError, usage } from './cli-errors';
import { GLOBAL_FLAGS } from './global-flags';
import { defaultRequestLogPath, openRequestLog } from './request-log-file';

export const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  log: { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'shutdown-timeout': { type: 'string' },
} as const;

/** How long a stop waits for requests in flight before it closes their connections. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** A flag of whole seconds, 1 to 3600; `fallbackMs` when not given. */
function seconds(flag: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 3600) {
    throw usage(`--${flag} must be whole seconds from 1 to 3600; got "${value}"`);
  }
  return Number(value) * 1000;
}

/** The URL of what `host` binds, as the operator gave it. */
function listeningOn(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A wildcard host binds every interface of the machine: say so. */
const wildcard = (host: string): boolean => host === '0.0.0.0' || host === '::';

/** Whether `host` only takes connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

type KeyVariable = 'NUMBERPLANE_API_KEY' | 'NUMBERPLANE_ADMIN_KEY';

const DEFAULT_KEYS: Record<KeyVariable, string> = {
  NUMBERPLANE_API_KEY: DEFAULT_API_KEY,
  NUMBERPLANE_ADMIN_KEY: DEFAULT_ADMIN_KEY,
};

/** What the README asks of a key: long enough not to be guessed, plain enough to type. */
const KEY_PATTERN = /^[A-Za-z0-9_.-]{16,128}$/;

function defaultKeysRefused(host: string, store: string, keys: KeyVariable[]): CliUsageError {
  return usage(
    `--host ${host} lets other machines connect, and the store ${store} would accept the well-known default ${keys.join(' and ')}: ` +
      'anyone who can reach the port could use it and administer it. Serve a new store (--db PATH) with NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY set to keys of your own, or serve on 127.0.0.1',
  );
}

/** The keys a new store is made with, from the environment; a key set is checked, never printed. */
function keysFromEnv(env: NodeJS.ProcessEnv): Partial<Record<KeyVariable, string>> {
  const keys: Partial<Record<KeyVariable, string>> = {};
  for (const name of Object.keys(DEFAULT_KEYS) as KeyVariable[]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!KEY_PATTERN.test(value)) {
      throw usage(
        `${name} must be 16-128 letters, digits, _ . - (the one set has ${value.length} character${value.length === 1 ? '' : 's'}${/^[A-Za-z0-9_.-]*$/.test(value) ? '' : ', some of them others'}); set it to a longer key of your own`,
      );
    }
    keys[name] = value;
  }
  return keys;
}

/**
 * Opens the store `serve` serves. Anyone who can reach the port and knows the default admin
 * key administers the clock, the faults and the state: beyond loopback a new store must be
 * made with keys of the owner's (they are set only when a store is made), an existing one
 * must not accept the defaults, and nothing may make it accept them while it runs (a reset,
 * an import, an account made with a default key). A refused store is left as it was.
 */
export function openServedStore(host: string, store: string, env: NodeJS.ProcessEnv): Simulator {
  const exposed = !isLoopback(host);
  const keys = keysFromEnv(env);
  if (exposed && !existsSync(store)) {
    const unset = (Object.keys(DEFAULT_KEYS) as KeyVariable[]).filter(
      (name) => !keys[name] || keys[name] === DEFAULT_KEYS[name],
    );
    if (unset.length > 0) throw defaultKeysRefused(host, store, unset);
  }
  try {
    return Simulator.open({
      path: store,
      bootstrapApiKey: keys.NUMBERPLANE_API_KEY,
      adminApiKey: keys.NUMBERPLANE_ADMIN_KEY,
      exposed,
    });
  } catch (error) {
    if (error instanceof WellKnownKeysRefused) throw defaultKeysRefused(host, store, error.keys);
    throw error;
  }
}

/**
 * `numberplane serve`: the simulator over HTTP until SIGINT or SIGTERM. A signal stops new
 * connections (requests arriving meanwhile get 503), lets requests in flight finish, then
 * closes the log and the store; a second signal exits at once.
 */
export async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { ...SERVE_FLAGS, ...GLOBAL_FLAGS },
    strict: true,
  });
  const portText = values.port ?? process.env.NUMBERPLANE_PORT ?? '4580';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    throw usage(`--port must be a decimal number from 0 to 65535; got "${portText}"`);
  }
  const timeouts = {
    headersMs: seconds(
      'headers-timeout',
      values['headers-timeout'],
      DEFAULT_HTTP_TIMEOUTS.headersMs,
    ),
    requestMs: seconds(
      'request-timeout',
      values['request-timeout'],
      DEFAULT_HTTP_TIMEOUTS.requestMs,
    ),
    idleMs: seconds('idle-timeout', values['idle-timeout'], DEFAULT_HTTP_TIMEOUTS.idleMs),
  };
  const shutdownMs = seconds(
    'shutdown-timeout',
    values['shutdown-timeout'],
    DEFAULT_SHUTDOWN_TIMEOUT_MS,
  );
  const host = values.host ?? '127.0.0.1';
  const path = values.db ? resolve(values.db) : pathOfFileEndpoint(DEFAULT_ENDPOINT);
  const simulator = openServedStore(host, path, process.env);
  const log = openRequestLog(
    values.log ? (values.log === '-' ? '-' : resolve(values.log)) : defaultRequestLogPath(path),
  );
  const app = buildApp({ simulator, requestLog: log.sink, timeouts });
  await app.listen({ host, port });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(
    `numberplane simulator listening on ${listeningOn(host, bound)} (store: ${path}; request log: ${log.where}, one JSON line per request)${wildcard(host) ? ', on every interface of this machine' : ''}\n`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`numberplane serve: ${signal} again; exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(
      `numberplane serve: ${signal}; finishing requests in flight (for at most ${shutdownMs / 1000}s), then stopping\n`,
    );
    // A client that holds its request open (a body that never ends) does not hold the stop.
    setTimeout(() => app.server.closeAllConnections(), shutdownMs).unref();
    void app
      .close()
      .then(() => log.close())
      .then(() => {
        simulator.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT } from '../client/connection-settings';
import { pathOfFileEndpoint } from '../client/embedded-client';
import { buildApp } from '../simulator/http/build-app';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY, Simulator } from '../simulator/service/simulator';
import { CliUsageError, usage } from './cli-errors';
import { GLOBAL_FLAGS } from './global-flags';
import { defaultRequestLogPath, openRequestLog } from './request-log-file';

export const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  log: { type: 'string' },
} as const;

/** Whether `host` only takes connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

type KeyVariable = 'NUMBERPLANE_API_KEY' | 'NUMBERPLANE_ADMIN_KEY';

const DEFAULT_KEYS: Record<KeyVariable, string> = {
  NUMBERPLANE_API_KEY: DEFAULT_API_KEY,
  NUMBERPLANE_ADMIN_KEY: DEFAULT_ADMIN_KEY,
};

function defaultKeysRefused(host: string, store: string, keys: KeyVariable[]): CliUsageError {
  return usage(
    `--host ${host} lets other machines connect, and the store ${store} would accept the well-known default ${keys.join(' and ')}: ` +
      'anyone who can reach the port could use it and administer it. Serve a new store (--db PATH) with NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY set to keys of your own, or serve on 127.0.0.1',
  );
}

/**
 * Anyone who can reach the port and knows the default admin key administers the clock, the
 * faults and the state: beyond loopback, a new store must be made with keys of the owner's
 * (they are set only when a store is made), and an existing one must not accept the defaults.
 */
export function refuseDefaultKeysBeyondLoopback(
  host: string,
  store: string,
  env: NodeJS.ProcessEnv,
): void {
  if (isLoopback(host)) return;
  if (!existsSync(store)) {
    const unset = (Object.keys(DEFAULT_KEYS) as KeyVariable[]).filter(
      (name) => !env[name] || env[name] === DEFAULT_KEYS[name],
    );
    if (unset.length > 0) throw defaultKeysRefused(host, store, unset);
    return;
  }
  const simulator = Simulator.open({ path: store });
  try {
    const accepted = simulator.defaultKeysAccepted();
    if (accepted.length > 0) throw defaultKeysRefused(host, store, accepted);
  } finally {
    simulator.close();
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
  const port = Number(values.port ?? process.env.NUMBERPLANE_PORT ?? 4580);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw usage(`--port must be 0-65535; got "${values.port}"`);
  }
  const host = values.host ?? '127.0.0.1';
  const path = values.db ? resolve(values.db) : pathOfFileEndpoint(DEFAULT_ENDPOINT);
  refuseDefaultKeysBeyondLoopback(host, path, process.env);
  const simulator = Simulator.open({
    path,
    bootstrapApiKey: process.env.NUMBERPLANE_API_KEY,
    adminApiKey: process.env.NUMBERPLANE_ADMIN_KEY,
  });
  const log = openRequestLog(
    values.log ? (values.log === '-' ? '-' : resolve(values.log)) : defaultRequestLogPath(path),
  );
  const app = buildApp({ simulator, requestLog: log.sink });
  const address = await app.listen({ host, port });
  process.stdout.write(
    `numberplane simulator listening on ${address} (store: ${path}; request log: ${log.where}, one JSON line per request)\n`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`numberplane serve: ${signal} again; exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(
      `numberplane serve: ${signal}; finishing requests in flight, then stopping\n`,
    );
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

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT } from '../client/connection-settings';
import { pathOfFileEndpoint } from '../client/embedded-client';
import { buildApp } from '../simulator/http/build-app';
import { Simulator } from '../simulator/service/simulator';
import { usage } from './cli-errors';
import { GLOBAL_FLAGS } from './global-flags';

export const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  'log-requests': { type: 'boolean' },
} as const;

/** `numberplane serve`: the simulator over HTTP until SIGINT or SIGTERM. */
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
  const simulator = Simulator.open({
    path,
    bootstrapApiKey: process.env.NUMBERPLANE_API_KEY,
    adminApiKey: process.env.NUMBERPLANE_ADMIN_KEY,
  });
  const app = buildApp({ simulator, logRequests: values['log-requests'] ?? false });
  const address = await app.listen({ host, port });
  process.stdout.write(`numberplane simulator listening on ${address} (store: ${path})\n`);
  const stop = (): void => {
    void app.close().then(() => {
      simulator.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

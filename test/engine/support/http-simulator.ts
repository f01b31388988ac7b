import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpClient } from '../../../provider/client/http-client';
import { buildApp } from '../../../provider/simulator/http/build-app';
import { Simulator } from '../../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../../provider/api/default-keys';

/** A simulator served over HTTP on a random loopback port, with a store of its own. */
export interface HttpSimulator {
  readonly endpoint: string;
  /** The API key of the account the stack uses. */
  readonly apiKey: string;
  /** That account, as the provider sees it. */
  readonly client: HttpClient;
  /** The admin surface: out-of-band edits, clock, faults. */
  readonly admin: HttpClient;
  readonly simulator: Simulator;
  /** Edits as a console user would make them in that account (drift). */
  outOfBand: HttpClient['call'];
  close(): Promise<void>;
}

/** Starts one; `apiKey` other than the default makes an account of its own for it. */
export async function startHttpSimulator(
  options: { apiKey?: string } = {},
): Promise<HttpSimulator> {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-engine-sim-'));
  const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  const app: FastifyInstance = buildApp({ simulator });
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const account = apiKey === DEFAULT_API_KEY ? 'default' : 'tenant';
  if (account === 'tenant') {
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'CreateAccount', { body: { name: account, apiKey } });
  }
  const admin = new HttpClient({ endpoint, adminKey: DEFAULT_ADMIN_KEY });
  return {
    endpoint,
    apiKey,
    client: new HttpClient({ endpoint, apiKey }),
    admin,
    simulator,
    outOfBand: ((operation, input) =>
      admin.admin('InvokeAs', { id: account, body: { operation, input } })) as HttpClient['call'],
    async close() {
      await app.close();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

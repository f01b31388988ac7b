import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import { HttpClient } from '../../provider/client/http-client';
import type { SimulatorClient } from '../../provider/client/simulator-client';
import { buildApp } from '../../provider/simulator/http/build-app';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

/** One running simulator for one test: a fresh store in a temp dir, reached one way. */
export interface SimulatorHarness {
  readonly transport: string;
  /** The `default` account's key and the admin key. */
  readonly client: SimulatorClient;
  /** A client with other keys (or none), on the same simulator. */
  clientWith(keys: { apiKey?: string; adminKey?: string }): SimulatorClient;
  /** Makes another account and returns a client with its key (and the admin key). */
  newAccount(name: string, numberQuota?: number): Promise<SimulatorClient>;
  close(): Promise<void>;
}

interface Transport {
  readonly name: string;
  start(): Promise<SimulatorHarness>;
}

type Keys = { apiKey?: string; adminKey?: string };

/**
 * A fresh store in a temp dir, reached through `connect` (which returns the client factory
 * and how to stop serving); the clock is frozen so time moves only when a test advances it.
 */
function transport(
  name: string,
  connect: (
    simulator: Simulator,
  ) => Promise<{ clientWith(keys: Keys): SimulatorClient; stop(): Promise<void> }>,
): Transport {
  return {
    name,
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'numberplane-sim-'));
      const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
      const { clientWith, stop } = await connect(simulator);
      const client = clientWith({ apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY });
      await client.admin('ChangeClock', { body: { action: 'freeze' } });
      return {
        transport: name,
        client,
        clientWith,
        async newAccount(accountName, numberQuota) {
          const made = await client.admin('CreateAccount', {
            body:
              numberQuota === undefined
                ? { name: accountName }
                : { name: accountName, numberQuota },
          });
          return clientWith({ apiKey: made.apiKey, adminKey: DEFAULT_ADMIN_KEY });
        },
        async close() {
          await stop();
          simulator.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

const embedded = transport('embedded', async (simulator) => ({
  clientWith: (keys) => new EmbeddedClient(simulator, keys, false),
  stop: async () => undefined,
}));

const http = transport('http', async (simulator) => {
  const app = buildApp({ simulator });
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  return { clientWith: (keys) => new HttpClient({ endpoint, ...keys }), stop: () => app.close() };
});

/** Every way the simulator runs; the contract suite runs once per transport. */
export const TRANSPORTS: Transport[] = [embedded, http];

/**
 * Declares `body` once per transport, each test with a fresh simulator from `harness()`.
 */
export function describeEachTransport(
  title: string,
  body: (harness: () => SimulatorHarness) => void,
): void {
  for (const transport of TRANSPORTS) {
    describe(`${title} [${transport.name}]`, () => {
      let current: SimulatorHarness | undefined;
      beforeEach(async () => {
        current = await transport.start();
      });
      afterEach(async () => {
        await current?.close();
        current = undefined;
      });
      body(() => {
        if (!current) throw new Error('harness used outside a test');
        return current;
      });
    });
  }
}

/** Runs `promise` and returns the SimulatorError-like failure it ends with. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    const { name, code, message, reason } = error as {
      name?: string;
      code?: string;
      message: string;
      reason?: string;
    };
    return { code: code ?? name ?? 'Error', message, ...(reason ? { reason } : {}) };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

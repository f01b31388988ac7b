import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import { configure, resetConnections } from '../../provider/resources/hooks/connection';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

/** The hooks pointed at an embedded simulator in a temp dir, as the engine's provider process would be. */
export interface HookBackend {
  /** The `numberplane:endpoint` the hooks are configured with. */
  readonly endpoint: string;
  readonly client: EmbeddedClient;
  close(): Promise<void>;
}

export async function startHookBackend(): Promise<HookBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-hooks-'));
  const endpoint = `file:${join(dir, 'simulator.db')}`;
  await resetConnections();
  configure({
    get: (key: string) =>
      ({ 'numberplane:endpoint': endpoint, 'numberplane:apiKey': DEFAULT_API_KEY })[key],
  });
  // A second connection to the same file: what a console user (or a test) does meanwhile.
  const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  const client = new EmbeddedClient(
    simulator,
    { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
    false,
  );
  await client.admin('ChangeClock', { body: { action: 'freeze' } });
  return {
    endpoint,
    client,
    async close() {
      await resetConnections();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

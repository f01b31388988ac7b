import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServedStore, serve } from '../../provider/cli/serve-command';
import { openDatabase } from '../../provider/simulator/store/database';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

const ownKeys = {
  NUMBERPLANE_API_KEY: 'np_team_key_0123456789',
  NUMBERPLANE_ADMIN_KEY: 'np_team_admin_0123456789',
};

/** Opens the store as serve would, and closes it again. */
const served = (host: string, store: string, env: NodeJS.ProcessEnv): void =>
  openServedStore(host, store, env).close();

describe('numberplane serve beyond loopback', () => {
  let dir: string;
  let store: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-serve-'));
    store = join(dir, 'simulator.db');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serve --host 0.0.0.0 with the default keys is refused, says how to set keys, and makes no store', async () => {
    const saved = { ...process.env };
    delete process.env.NUMBERPLANE_API_KEY;
    delete process.env.NUMBERPLANE_ADMIN_KEY;
    try {
      await expect(serve(['--host', '0.0.0.0', '--port', '0', '--db', store])).rejects.toThrow(
        `--host 0.0.0.0 lets other machines connect, and the store ${store} would accept the well-known default NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY: anyone who can reach the port could use it and administer it. Serve a new store (--db PATH) with NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY set to keys of your own, or serve on 127.0.0.1`,
      );
    } finally {
      process.env = saved;
    }
    expect(existsSync(store)).toBe(false);
  });

  it('a key set to the default counts as not set', () => {
    expect(() =>
      served('10.0.0.5', store, {
        ...ownKeys,
        NUMBERPLANE_ADMIN_KEY: DEFAULT_ADMIN_KEY,
      }),
    ).toThrow('would accept the well-known default NUMBERPLANE_ADMIN_KEY:');
  });

  it('a new store with keys of its owner’s may be served to the network', () => {
    expect(() => served('0.0.0.0', store, ownKeys)).not.toThrow();
    expect(() => served('::', store, ownKeys)).not.toThrow();
  });

  it('a store made with the default keys stays refused beyond loopback, whatever is set now', () => {
    Simulator.open({ path: store }).close();
    expect(() => served('0.0.0.0', store, ownKeys)).toThrow(
      'would accept the well-known default NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY:',
    );
  });

  it('a store made with its owner’s keys is served to the network', () => {
    Simulator.open({
      path: store,
      bootstrapApiKey: ownKeys.NUMBERPLANE_API_KEY,
      adminApiKey: ownKeys.NUMBERPLANE_ADMIN_KEY,
    }).close();
    expect(() => served('0.0.0.0', store, {})).not.toThrow();
  });

  it('on loopback any store is served, default keys included', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      expect(() => served(host, store, {})).not.toThrow();
    }
  });

  it('a refused store is left as it was: an empty one refused for want of keys serves once keys are set', () => {
    openDatabase(store).close();
    expect(() => served('0.0.0.0', store, {})).toThrow(
      'would accept the well-known default NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY:',
    );
    expect(() => served('0.0.0.0', store, ownKeys)).not.toThrow();
    const simulator = Simulator.open({ path: store });
    try {
      expect(simulator.defaultKeysAccepted()).toEqual([]);
    } finally {
      simulator.close();
    }
  });

  it('a key too short to be safe is refused, by its length, without printing it', () => {
    const short = { ...ownKeys, NUMBERPLANE_ADMIN_KEY: 'x' };
    expect(() => served('0.0.0.0', store, short)).toThrow(
      'NUMBERPLANE_ADMIN_KEY must be 16-128 letters, digits, _ . - (the one set has 1 character); set it to a longer key of your own',
    );
    const odd = { ...ownKeys, NUMBERPLANE_API_KEY: 'secret key with spaces!' };
    let message = '';
    try {
      served('127.0.0.1', store, odd);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('NUMBERPLANE_API_KEY must be 16-128 letters');
    expect(message).not.toContain('secret key');
    expect(existsSync(store)).toBe(false);
  });

  it('beyond loopback no account can be made with a well-known key, and a reset keeps the store’s own keys', () => {
    served('0.0.0.0', store, ownKeys);
    const simulator = openServedStore('0.0.0.0', store, {});
    try {
      expect(() =>
        simulator.invokeAdmin(ownKeys.NUMBERPLANE_ADMIN_KEY, 'CreateAccount', {
          body: { name: 'team', apiKey: DEFAULT_API_KEY },
        }),
      ).toThrow('apiKey is a well-known default key');
      simulator.invokeAdmin(ownKeys.NUMBERPLANE_ADMIN_KEY, 'ResetState');
      expect(simulator.defaultKeysAccepted()).toEqual([]);
      expect(simulator.authenticate(ownKeys.NUMBERPLANE_API_KEY).name).toBe('default');
      expect(() => simulator.invokeAdmin(ownKeys.NUMBERPLANE_ADMIN_KEY, 'GetClock')).not.toThrow();
    } finally {
      simulator.close();
    }
  });
});

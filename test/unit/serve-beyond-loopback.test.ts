import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refuseDefaultKeysBeyondLoopback, serve } from '../../provider/cli/serve-command';
import { DEFAULT_ADMIN_KEY, Simulator } from '../../provider/simulator/service/simulator';

const ownKeys = {
  NUMBERPLANE_API_KEY: 'np_team_key_0123456789',
  NUMBERPLANE_ADMIN_KEY: 'np_team_admin_0123456789',
};

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
      refuseDefaultKeysBeyondLoopback('10.0.0.5', store, {
        ...ownKeys,
        NUMBERPLANE_ADMIN_KEY: DEFAULT_ADMIN_KEY,
      }),
    ).toThrow('would accept the well-known default NUMBERPLANE_ADMIN_KEY:');
  });

  it('a new store with keys of its owner’s may be served to the network', () => {
    expect(() => refuseDefaultKeysBeyondLoopback('0.0.0.0', store, ownKeys)).not.toThrow();
    expect(() => refuseDefaultKeysBeyondLoopback('::', store, ownKeys)).not.toThrow();
  });

  it('a store made with the default keys stays refused beyond loopback, whatever is set now', () => {
    Simulator.open({ path: store }).close();
    expect(() => refuseDefaultKeysBeyondLoopback('0.0.0.0', store, ownKeys)).toThrow(
      'would accept the well-known default NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY:',
    );
  });

  it('a store made with its owner’s keys is served to the network', () => {
    Simulator.open({
      path: store,
      bootstrapApiKey: ownKeys.NUMBERPLANE_API_KEY,
      adminApiKey: ownKeys.NUMBERPLANE_ADMIN_KEY,
    }).close();
    expect(() => refuseDefaultKeysBeyondLoopback('0.0.0.0', store, {})).not.toThrow();
  });

  it('on loopback any store is served, default keys included', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      expect(() => refuseDefaultKeysBeyondLoopback(host, store, {})).not.toThrow();
    }
  });
});

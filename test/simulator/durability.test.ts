import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../../provider/client/http-client';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { openDatabase } from '../../provider/simulator/store/database';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

/** Starts `numberplane serve` on a random port and resolves with its address. */
function startServer(dbPath: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const bin = join(findPackageRoot(), 'bin', 'numberplane.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve({ child, endpoint: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

describe('the simulator store after the server is killed mid-burst', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-durability-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts consistent: every acknowledged write is there and no object is half-made', async () => {
    const dbPath = join(dir, 'simulator.db');
    const { child, endpoint } = await startServer(dbPath);
    const client = new HttpClient({
      endpoint,
      apiKey: DEFAULT_API_KEY,
      adminKey: DEFAULT_ADMIN_KEY,
    });
    await client.admin('UpdateAccount', { id: 'default', body: { numberQuota: 5000 } });

    const acknowledged = { numbers: new Set<string>(), connectors: new Set<string>() };
    // Requests keep coming, 40 at a time, until the server is gone: it is SIGKILLed once 120
    // have been answered, with writes still in flight, however fast it answers.
    let sent = 0;
    let answered = 0;
    let unanswered = 0;
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    void exited.then(() => (running = false));
    const send = (i: number): Promise<unknown> =>
      i % 2 === 0
        ? client
            .call('CreatePhoneNumber', {
              body: {
                isoCountryCode: 'US',
                numberType: 'SIMULATOR',
                numberCapabilities: ['SMS'],
                clientToken: `n${i}`,
              },
            })
            .then((n) => acknowledged.numbers.add(n.phoneNumberId))
        : client
            .call('CreateVoiceConnector', { body: { name: `c${i}`, awsRegion: 'us-east-1' } })
            .then((c) => acknowledged.connectors.add(c.voiceConnectorId));
    const sender = async (): Promise<void> => {
      while (running && sent < 4000) {
        try {
          await send(sent++);
          answered += 1;
          if (answered === 120) child.kill('SIGKILL');
        } catch {
          unanswered += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, sender));
    await exited;
    expect(answered).toBeGreaterThanOrEqual(120);
    expect(unanswered).toBeGreaterThan(0);
    expect(sent).toBeLessThan(4000);

    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const numberIds = new Set(
        (
          db.prepare('SELECT phone_number_id FROM phone_numbers').all() as {
            phone_number_id: string;
          }[]
        ).map((r) => r.phone_number_id),
      );
      const connectorIds = new Set(
        (
          db.prepare('SELECT voice_connector_id FROM voice_connectors').all() as {
            voice_connector_id: string;
          }[]
        ).map((r) => r.voice_connector_id),
      );
      for (const id of acknowledged.numbers) expect(numberIds.has(id)).toBe(true);
      for (const id of acknowledged.connectors) expect(connectorIds.has(id)).toBe(true);
      // A claim writes the number, its churn event and its idempotency record in one
      // transaction: all three or none.
      const claims = db
        .prepare("SELECT COUNT(*) AS n FROM churn_events WHERE kind = 'claim'")
        .get() as { n: number };
      const tokens = db.prepare('SELECT object_id FROM idempotency_keys').all() as {
        object_id: string;
      }[];
      expect(claims.n).toBe(numberIds.size);
      expect(tokens.length).toBe(numberIds.size);
      for (const token of tokens) expect(numberIds.has(token.object_id)).toBe(true);
    } finally {
      db.close();
    }

    // And the restarted server serves the same store.
    const restarted = await startServer(dbPath);
    try {
      const again = new HttpClient({ endpoint: restarted.endpoint, apiKey: DEFAULT_API_KEY });
      const listed = await again.call('ListVoiceConnectors', { page: { maxResults: 100 } });
      expect(listed.items.length).toBeGreaterThan(0);
    } finally {
      const stopped = new Promise((resolve) => restarted.child.once('exit', resolve));
      restarted.child.kill('SIGTERM');
      await stopped;
    }
  });
});

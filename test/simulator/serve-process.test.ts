import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import type { RequestLogEntry } from '../../provider/simulator/http/request-log';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { ServeProcess } from '../support/serve-process';

const readLog = (path: string): RequestLogEntry[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RequestLogEntry);

describe('numberplane serve as a process', () => {
  let dir: string;
  let served: ServeProcess | undefined;

  /** `numberplane serve` on a free port with a store of this test's own. */
  async function serve(...flags: string[]): Promise<ServeProcess> {
    served = new ServeProcess(findPackageRoot(), join(dir, 'simulator.db'), 0, flags);
    await served.start();
    return served;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-serve-process-'));
  });

  afterEach(async () => {
    await served?.kill();
    served = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('says where its request log goes, and writes one JSON line per request there', async () => {
    const server = await serve();
    expect(server.log).toBe(join(dir, 'simulator.requests.log'));
    const response = await fetch(`${server.endpoint}/v1/phone-numbers`, {
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    expect(response.status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(readLog(server.log)).toEqual([
      expect.objectContaining({
        requestId: response.headers.get('x-request-id'),
        operation: 'ListPhoneNumbers',
        account: 'default',
        status: 200,
      }),
    ]);
  });

  it('--log - writes the request log to stdout', async () => {
    const server = await serve('--log', '-');
    expect(server.log).toBe('stdout');
    const response = await fetch(`${server.endpoint}/healthz`);
    await server.stop('SIGTERM');
    const lines = server.stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.map((line) => JSON.parse(line) as RequestLogEntry)).toEqual([
      expect.objectContaining({ requestId: response.headers.get('x-request-id'), status: 200 }),
    ]);
  });

  it('SIGTERM lets a request in flight finish with its answer, then exits 0', async () => {
    const server = await serve();
    const admin = { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' };
    await fetch(`${server.endpoint}/v1/admin/faults`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        operation: 'ListPhoneNumbers',
        kind: 'latency',
        rate: 1,
        latencyMs: 1500,
      }),
    });
    const inFlight = fetch(`${server.endpoint}/v1/phone-numbers`, {
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    // The request is in flight once the fault has counted it (the latency comes after).
    for (let seen = 0; seen === 0;) {
      const faults = (await (
        await fetch(`${server.endpoint}/v1/admin/faults`, { headers: admin })
      ).json()) as Array<{ calls: number }>;
      seen = faults[0]?.calls ?? 0;
    }
    const stopped = server.stop('SIGTERM');
    const response = await inFlight;
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { items: [] },
    });
    expect(await stopped).toBe(0);
    expect(server.stderr).toContain(
      'SIGTERM; finishing requests in flight (for at most 10s), then stopping',
    );
    expect(readLog(server.log).at(-1)).toEqual(
      expect.objectContaining({ operation: 'ListPhoneNumbers', status: 200 }),
    );
  });
});

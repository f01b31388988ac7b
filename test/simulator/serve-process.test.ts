import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import type { RequestLogEntry } from '../../provider/simulator/http/request-log';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/simulator/service/simulator';

interface Served {
  child: ChildProcessWithoutNullStreams;
  endpoint: string;
  /** What `serve` said about its log: a path or `stdout`. */
  log: string;
  stdout: () => string;
  stderr: () => string;
}

/** `numberplane serve` in a child process on a free port, once it says where it listens. */
async function serveIn(dir: string, ...flags: string[]): Promise<Served> {
  const bin = join(findPackageRoot(), 'bin', 'numberplane.js');
  const { NUMBERPLANE_API_KEY: _api, NUMBERPLANE_ADMIN_KEY: _admin, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--db', join(dir, 'simulator.db'), ...flags],
    { cwd: dir, env },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started =
    /listening on (\S+) \(store: [^;]+; request log: (.+), one JSON line per request\)/;
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = stdout.match(started);
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return {
    child,
    endpoint: match[1] ?? '',
    log: match[2] ?? '',
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

const readLog = (path: string): RequestLogEntry[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RequestLogEntry);

describe('numberplane serve as a process', () => {
  let dir: string;
  let served: Served | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-serve-process-'));
  });

  afterEach(() => {
    if (served && served.child.exitCode === null) served.child.kill('SIGKILL');
    served = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('says where its request log goes, and writes one JSON line per request there', async () => {
    served = await serveIn(dir);
    expect(served.log).toBe(join(dir, 'simulator.requests.log'));
    const response = await fetch(`${served.endpoint}/v1/phone-numbers`, {
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    expect(response.status).toBe(200);
    served.child.kill('SIGTERM');
    await once(served.child, 'exit');
    expect(readLog(served.log)).toEqual([
      expect.objectContaining({
        requestId: response.headers.get('x-request-id'),
        operation: 'ListPhoneNumbers',
        account: 'default',
        status: 200,
      }),
    ]);
  });

  it('--log - writes the request log to stdout', async () => {
    served = await serveIn(dir, '--log', '-');
    expect(served.log).toBe('stdout');
    const response = await fetch(`${served.endpoint}/healthz`);
    served.child.kill('SIGTERM');
    await once(served.child, 'exit');
    const lines = served
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.map((line) => JSON.parse(line) as RequestLogEntry)).toEqual([
      expect.objectContaining({ requestId: response.headers.get('x-request-id'), status: 200 }),
    ]);
  });

  it('SIGTERM lets a request in flight finish with its answer, then exits 0', async () => {
    served = await serveIn(dir);
    const admin = { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' };
    await fetch(`${served.endpoint}/v1/admin/faults`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        operation: 'ListPhoneNumbers',
        kind: 'latency',
        rate: 1,
        latencyMs: 1500,
      }),
    });
    const inFlight = fetch(`${served.endpoint}/v1/phone-numbers`, {
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    // The request is in flight once the fault has counted it (the latency comes after).
    for (let seen = 0; seen === 0;) {
      const faults = (await (
        await fetch(`${served.endpoint}/v1/admin/faults`, { headers: admin })
      ).json()) as Array<{ calls: number }>;
      seen = faults[0]?.calls ?? 0;
    }
    const exited = once(served.child, 'exit');
    served.child.kill('SIGTERM');
    const response = await inFlight;
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { items: [] },
    });
    const [code] = await exited;
    expect(code).toBe(0);
    expect(served.stderr()).toContain('SIGTERM; finishing requests in flight, then stopping');
    expect(readLog(served.log).at(-1)).toEqual(
      expect.objectContaining({ operation: 'ListPhoneNumbers', status: 200 }),
    );
  });
});

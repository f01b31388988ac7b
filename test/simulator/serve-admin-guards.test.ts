import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import type { StateDocument } from '../../provider/api/objects';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import type { RequestLogEntry } from '../../provider/simulator/http/request-log';
import { ServeProcess } from '../support/serve-process';

const readLog = (path: string): RequestLogEntry[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RequestLogEntry);

const OWN = {
  NUMBERPLANE_API_KEY: 'np_team_key_0123456789',
  NUMBERPLANE_ADMIN_KEY: 'np_team_admin_0123456789',
};

interface Answer {
  status: number;
  body: { message?: string; code?: string } & Record<string, unknown>;
}

/**
 * `numberplane serve` as an operator runs it and as an attacker meets it: the admin surface
 * keeps the store's keys, refuses what would brick it, and slow clients are cut off.
 */
describe('numberplane serve: the admin surface holds', () => {
  let dir: string;
  let store: string;
  let served: ServeProcess | undefined;

  async function serve(flags: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
    served = new ServeProcess(findPackageRoot(), store, 0, flags, env);
    await served.start();
    return served;
  }

  async function call(
    method: string,
    path: string,
    key: { admin?: string; api?: string },
    body?: unknown,
  ): Promise<Answer> {
    const response = await fetch(`${served?.endpoint}${path}`, {
      method,
      headers: {
        ...(key.admin ? { 'x-admin-key': key.admin } : {}),
        ...(key.api ? { 'x-api-key': key.api } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  /** A raw connection that sends `head` and then whatever the test decides (or nothing). */
  async function rawRequest(head: string): Promise<{ socket: Socket; received: () => string }> {
    const url = new URL(served?.endpoint ?? '');
    const socket = connect(Number(url.port), '127.0.0.1');
    await once(socket, 'connect');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.write(head);
    return { socket, received: () => text };
  }

  /** Resolves once the server has parsed the request's headers (it answers 100 Continue). */
  async function headersParsed(received: () => string, socket: Socket): Promise<void> {
    while (!received().includes('100 Continue')) await once(socket, 'data');
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-admin-guards-'));
    store = join(dir, 'simulator.db');
  });

  afterEach(async () => {
    await served?.kill();
    served = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('a reset of a store made with its owner’s keys, served without the key variables, keeps those keys', async () => {
    Simulator.open({
      path: store,
      bootstrapApiKey: OWN.NUMBERPLANE_API_KEY,
      adminApiKey: OWN.NUMBERPLANE_ADMIN_KEY,
    }).close();
    await serve();
    expect(
      (await call('DELETE', '/v1/admin/state', { admin: OWN.NUMBERPLANE_ADMIN_KEY })).status,
    ).toBe(200);
    expect(
      (await call('GET', '/v1/admin/clock', { admin: OWN.NUMBERPLANE_ADMIN_KEY })).status,
    ).toBe(200);
    expect((await call('GET', '/v1/admin/clock', { admin: DEFAULT_ADMIN_KEY })).status).toBe(403);
    expect((await call('GET', '/v1/phone-numbers', { api: OWN.NUMBERPLANE_API_KEY })).status).toBe(
      200,
    );
    expect((await call('GET', '/v1/phone-numbers', { api: DEFAULT_API_KEY })).status).toBe(403);
  });

  it('beyond loopback no account gets a well-known key and no import brings one back; each is a 400 that changes nothing', async () => {
    // An export made with the default keys, as a laptop's store has them.
    const laptop = Simulator.open({ path: join(dir, 'laptop.db') });
    const withDefaults = laptop.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState');
    laptop.close();

    await serve(['--host', '0.0.0.0'], OWN);
    const admin = { admin: OWN.NUMBERPLANE_ADMIN_KEY };
    for (const apiKey of [DEFAULT_API_KEY, DEFAULT_ADMIN_KEY]) {
      const made = await call('POST', '/v1/admin/accounts', admin, { name: 'team', apiKey });
      expect(made.status).toBe(400);
      expect(made.body.message).toContain('apiKey is a well-known default key');
    }
    const imported = await call('PUT', '/v1/admin/state', admin, withDefaults);
    expect(imported.status).toBe(400);
    expect(imported.body.message).toContain(
      'the store would accept the well-known default NUMBERPLANE_API_KEY and NUMBERPLANE_ADMIN_KEY',
    );
    const accounts = await call('GET', '/v1/admin/accounts', admin);
    expect((accounts.body as unknown as { name: string }[]).map((a) => a.name)).toEqual([
      'default',
    ]);
    expect((await call('GET', '/v1/phone-numbers', { api: DEFAULT_API_KEY })).status).toBe(403);
    expect((await call('GET', '/v1/phone-numbers', { api: OWN.NUMBERPLANE_API_KEY })).status).toBe(
      200,
    );
  });

  it('an import whose admin key is not a key’s hash is refused, naming the row, and the admin surface keeps working', async () => {
    await serve();
    const admin = { admin: DEFAULT_ADMIN_KEY };
    const exported = (await call('GET', '/v1/admin/state', admin)).body as unknown as StateDocument;
    for (const bad of [12345, 'abc', null]) {
      const settings = (exported.tables.settings ?? []).map((row) =>
        row.key === 'admin-key-hash' ? { ...row, value: JSON.stringify(bad) } : row,
      );
      const index = settings.findIndex((row) => row.key === 'admin-key-hash') + 1;
      const imported = await call('PUT', '/v1/admin/state', admin, {
        ...exported,
        tables: { ...exported.tables, settings },
      });
      expect(imported.status).toBe(400);
      expect(imported.body.message).toContain(
        `state document table settings row ${index} (key "admin-key-hash") value: ${JSON.stringify(JSON.stringify(bad))} is not the SHA-256 of the admin key, 64 lowercase hex digits`,
      );
      expect((await call('GET', '/v1/admin/clock', admin)).status).toBe(200);
    }
    expect((await call('DELETE', '/v1/admin/state', admin)).status).toBe(200);
  });

  it('a client that withholds its body is answered 408 and cut off after --request-timeout', async () => {
    await serve(['--request-timeout', '1']);
    const { socket, received } = await rawRequest(
      'POST /v1/phone-numbers HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
        `x-api-key: ${DEFAULT_API_KEY}\r\ncontent-length: 100\r\nexpect: 100-continue\r\n\r\n{"isoC`,
    );
    await headersParsed(received, socket);
    await once(socket, 'close');
    expect(received()).toMatch(/HTTP\/1\.1 408 Request Timeout/);
    const requestId = /x-request-id: (\S+)/.exec(received())?.[1];
    expect(received()).toContain(`"requestId":"${requestId}"`);
    expect(await served?.stop('SIGTERM')).toBe(0);
    expect(readLog(served?.log ?? '')).toContainEqual(
      expect.objectContaining({ requestId, status: 408, code: 'RequestTimeoutException' }),
    );
  });

  it('a request the HTTP parser refuses (a NUL in a header, a bad Content-Length, no Host) gets a 400 with a request id and a log line', async () => {
    await serve();
    const answers: string[] = [];
    for (const head of [
      'GET /v1/phone-numbers HTTP/1.1\r\nhost: x\r\nx-api-key: a\u0000b\r\n\r\n',
      'POST /v1/phone-numbers HTTP/1.1\r\nhost: x\r\ncontent-length: ten\r\n\r\n',
      'GET /v1/phone-numbers HTTP/1.1\r\nconnection: close\r\n\r\n',
    ]) {
      const { socket, received } = await rawRequest(head);
      await once(socket, 'close');
      answers.push(received());
    }
    const ids = answers.map((answer) => /x-request-id: (\S+)/.exec(answer)?.[1]);
    for (const [i, answer] of answers.entries()) {
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
      expect(answer).toContain(`"requestId":"${ids[i]}"`);
      expect(answer).toMatch(/the request is not valid HTTP\/1\.1|the request has no Host header/);
    }
    expect(await served?.stop('SIGTERM')).toBe(0);
    const logged = readLog(served?.log ?? '').map((line) => line.requestId);
    expect(logged).toEqual(expect.arrayContaining(ids));
  });

  it('SIGTERM with a client holding a request open stops within --shutdown-timeout and exits 0', async () => {
    const server = await serve(['--request-timeout', '3600', '--shutdown-timeout', '1']);
    const { socket, received } = await rawRequest(
      'POST /v1/phone-numbers HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
        `x-api-key: ${DEFAULT_API_KEY}\r\ncontent-length: 100\r\nexpect: 100-continue\r\n\r\n`,
    );
    await headersParsed(received, socket);
    const closed = once(socket, 'close');
    expect(await server.stop('SIGTERM')).toBe(0);
    await closed;
    expect(server.stderr).toContain('finishing requests in flight (for at most 1s)');
  });

  it('timeouts out of range are a usage error that names the flag', async () => {
    await expect(serve(['--request-timeout', '0'])).rejects.toThrow(
      '--request-timeout must be whole seconds from 1 to 3600; got "0"',
    );
    await expect(serve(['--port', '0x11F4'])).rejects.toThrow(
      '--port must be a decimal number from 0 to 65535; got "0x11F4"',
    );
  });
});

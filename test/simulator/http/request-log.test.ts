import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../provider/simulator/http/build-app';
import type { RequestLogEntry } from '../../../provider/simulator/http/request-log';
import { Simulator } from '../../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../../provider/api/default-keys';

const claim = { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the request log', () => {
  let dir: string;
  let simulator: Simulator;
  let app: FastifyInstance;
  let lines: RequestLogEntry[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-request-log-'));
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    lines = [];
    app = buildApp({ simulator, requestLog: (entry) => lines.push(entry) });
  });

  afterEach(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every answer carries a new request id in x-request-id, and the log line has the same id', async () => {
    const first = await app.inject({ method: 'GET', url: '/healthz' });
    const second = await app.inject({ method: 'GET', url: '/healthz' });
    const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    expect(lines.map((line) => line.requestId)).toEqual(ids);
  });

  it("a caller's own plain x-request-id is kept; one that is not a plain token is replaced", async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'ci-run-42.step:7' },
    });
    const replaced = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'has spaces and "quotes"' },
    });
    expect(kept.headers['x-request-id']).toBe('ci-run-42.step:7');
    expect(replaced.headers['x-request-id']).toMatch(UUID);
  });

  it('a claim is logged as one JSON line with id, account, operation, status and duration', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': DEFAULT_API_KEY },
      payload: claim,
    });
    expect(response.statusCode).toBe(201);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      requestId: response.headers['x-request-id'],
      method: 'POST',
      path: '/v1/phone-numbers',
      operation: 'CreatePhoneNumber',
      account: 'default',
      status: 201,
      durationMs: expect.any(Number),
    });
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);
  });

  it('an error answer holds the request id in its body and its log line names the error code', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': DEFAULT_API_KEY },
      payload: { ...claim, isoCountryCode: 'XX' },
    });
    const body = response.json<{ code: string; requestId: string }>();
    expect({ status: response.statusCode, code: body.code }).toEqual({
      status: 400,
      code: 'ValidationException',
    });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: body.requestId,
        account: 'default',
        operation: 'CreatePhoneNumber',
        status: 400,
        code: 'ValidationException',
        level: 'info',
      }),
    ]);
  });

  it('a request refused for its key is logged without an account', async () => {
    await app.inject({
      method: 'GET',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': 'np_not_a_real_key_at_all' },
    });
    expect(lines).toEqual([
      expect.objectContaining({ status: 403, code: 'AccessDeniedException' }),
    ]);
    expect(lines[0]).not.toHaveProperty('account');
  });

  it('a 5xx writes an error line with its request id and the stack, and the answer names that id', async () => {
    simulator.db.close();
    const response = await app.inject({
      method: 'GET',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    const body = response.json<{ code: string; message: string; requestId: string }>();
    expect({ status: response.statusCode, code: body.code }).toEqual({
      status: 500,
      code: 'InternalServerException',
    });
    expect(body.message).toContain(`request id ${body.requestId}`);
    expect(body.message).not.toMatch(/\n|at .*\.js:\d+/);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        requestId: body.requestId,
        operation: 'ListPhoneNumbers',
        status: 500,
        code: 'InternalServerException',
        error: {
          message: expect.stringContaining('database connection is not open'),
          stack: expect.stringContaining('\n    at '),
        },
      }),
    ]);
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  });

  it('a call whose connection is dropped after commit (an injected reset) is still one log line', async () => {
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'reset', nth: 1 },
    });
    const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
    await expect(
      fetch(`${endpoint}/v1/phone-numbers`, {
        method: 'POST',
        headers: { 'x-api-key': DEFAULT_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify(claim),
      }),
    ).rejects.toThrow('fetch failed');
    expect(lines).toEqual([
      expect.objectContaining({
        operation: 'CreatePhoneNumber',
        account: 'default',
        outcome: 'reset-after-commit',
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('status');
  });

  it('a URL the router cannot read is logged too, with the id its answer holds', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/phone-numbers/%E0%A4%A' });
    const body = response.json<{ requestId: string }>();
    expect(response.headers['x-request-id']).toBe(body.requestId);
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: body.requestId,
        status: 400,
        code: 'ValidationException',
      }),
    ]);
  });

  it('an admin call is logged with the account "admin"', async () => {
    await app.inject({
      method: 'GET',
      url: '/v1/admin/faults',
      headers: { 'x-admin-key': DEFAULT_ADMIN_KEY },
    });
    expect(lines).toEqual([
      expect.objectContaining({ operation: 'ListFaults', account: 'admin', status: 200 }),
    ]);
  });

  it('an admin call that fails after its key was checked is logged with the account "admin"', async () => {
    await app.inject({
      method: 'POST',
      url: '/v1/admin/clock',
      headers: { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' },
      payload: JSON.stringify({ action: 'advance', by: 'a week' }),
    });
    expect(lines).toEqual([
      expect.objectContaining({ operation: 'ChangeClock', account: 'admin', status: 400 }),
    ]);
  });
});

describe('closing the server', () => {
  it('a request in flight when the server closes finishes with its answer and Connection: close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'numberplane-closing-'));
    const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    const app = buildApp({ simulator });
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'AddFault', {
      body: { operation: 'ListPhoneNumbers', kind: 'latency', rate: 1, latencyMs: 300 },
    });
    const inFlight = app.inject({
      method: 'GET',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': DEFAULT_API_KEY },
    });
    // In flight once the fault has counted it (the latency comes after).
    while (simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ListFaults')[0]?.calls !== 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await app.close();
    const finished = await inFlight;
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
    expect({ status: finished.statusCode, connection: finished.headers.connection }).toEqual({
      status: 200,
      connection: 'close',
    });
  });
});

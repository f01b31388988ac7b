import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../provider/simulator/http/build-app';
import { Simulator } from '../../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../../provider/api/default-keys';
import { BAD_INPUT_CASES, type BadInputCase } from './bad-input-cases';

function headersFor(testCase: BadInputCase): Record<string, string> {
  const headers: Record<string, string> = {};
  switch (testCase.auth ?? 'account') {
    case 'account':
      headers['x-api-key'] = DEFAULT_API_KEY;
      break;
    case 'admin':
      headers['x-admin-key'] = DEFAULT_ADMIN_KEY;
      break;
    case 'account-as-admin':
      headers['x-admin-key'] = DEFAULT_API_KEY;
      break;
    case 'wrong':
      headers['x-api-key'] = 'np_not_a_real_key_at_all';
      headers['x-admin-key'] = 'np_not_a_real_key_at_all';
      break;
    case 'none':
      break;
  }
  if (testCase.body !== undefined)
    headers['content-type'] = testCase.contentType ?? 'application/json';
  return headers;
}

describe('the HTTP API given bad input', () => {
  let dir: string;
  let simulator: Simulator;
  let app: FastifyInstance;
  const ids = { vc: '', pn: '' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-bad-input-'));
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    app = buildApp({ simulator });
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ChangeClock', { body: { action: 'freeze' } });
    const connector = await simulator.invoke(DEFAULT_API_KEY, 'CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1' },
    });
    const number = await simulator.invoke(DEFAULT_API_KEY, 'CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    ids.vc = connector.value.voiceConnectorId;
    ids.pn = number.value.phoneNumberId;
  });

  afterAll(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 40 cases', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const testCase of BAD_INPUT_CASES) {
    it(`rejects ${testCase.name} with one ${testCase.code}, its request id, and changes nothing`, async () => {
      const fill = (text: string): string =>
        text.replaceAll('{vc}', ids.vc).replaceAll('{pn}', ids.pn);
      const payload =
        testCase.body === undefined
          ? undefined
          : typeof testCase.body === 'string'
            ? testCase.body
            : fill(JSON.stringify(testCase.body));
      const before = JSON.stringify(simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState').tables);
      const response = await app.inject({
        method: testCase.method,
        url: fill(testCase.url),
        headers: headersFor(testCase),
        ...(payload !== undefined ? { payload } : {}),
      });
      const answer = response.json<{ code: string; message: string; requestId: string }>();
      expect({
        status: response.statusCode,
        code: answer.code,
        requestId: response.headers['x-request-id'],
      }).toEqual({
        status: testCase.status,
        code: testCase.code,
        requestId: answer.requestId,
      });
      expect(answer.message).toMatch(testCase.message);
      expect(answer.message).not.toMatch(/\n|at .*\.js:\d+/);
      expect(JSON.stringify(simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState').tables)).toBe(
        before,
      );
    });
  }
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInventory } from '../../provider/inventory/load-inventory';
import { buildApp } from '../../provider/simulator/http/build-app';
import * as phoneNumberHooks from '../../provider/resources/hooks/phone-number-hooks';
import * as groupHooks from '../../provider/resources/hooks/voice-connector-group-hooks';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

/** The counterexamples the generated bad-input tests found, written out by hand. */
describe('bad input the generated tests found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-regressions-'));
  const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  const app = buildApp({ simulator });
  const admin = { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' };
  const tables = (): string =>
    JSON.stringify(simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState').tables);

  afterAll(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const imports: [string, (tables: Record<string, unknown>) => unknown, RegExp][] = [
    ['tables as an array', () => [], /has no tables/],
    ['a table as null', (t) => ({ ...t, settings: null }), /table settings must be an array/],
    [
      'a row as null',
      (t) => ({ ...t, accounts: [null] }),
      /table accounts row \d+ is not an object of columns/,
    ],
    ['no tables at all (it would lock the admin surface)', () => ({}), /sets no admin key/],
    [
      'settings without the admin key',
      (t) => ({ ...t, settings: [] }),
      /sets no admin key \(table settings, key "admin-key-hash"\)/,
    ],
  ];
  for (const [name, change, message] of imports) {
    it(`a state import with ${name} gets a 400 and leaves the store as it was`, async () => {
      const exported = simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState');
      const before = tables();
      const response = await app.inject({
        method: 'PUT',
        url: '/v1/admin/state',
        headers: admin,
        payload: JSON.stringify({ ...exported, tables: change(exported.tables) }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(message);
      expect(tables()).toBe(before);
    });
  }

  it('a state import over its 64 MiB limit is told that limit, not the 256 KiB of other routes', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/v1/admin/state',
      headers: admin,
      payload: `"${'x'.repeat(64 * 1024 * 1024)}"`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ message: string }>().message).toBe(
      'request body is larger than the 67108864 bytes allowed; send a smaller body',
    );
  });

  it('a clock advance past the latest date gets a 400, not a 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/admin/clock',
      headers: admin,
      payload: JSON.stringify({ action: 'advance', by: '99999999999999999999d' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/the latest time it keeps/);
  });

  it('a state import with a schemaVersion like {toString: null} gets a 400, not a 500', async () => {
    const exported = simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState');
    const response = await app.inject({
      method: 'PUT',
      url: '/v1/admin/state',
      headers: admin,
      payload: JSON.stringify({ ...exported, schemaVersion: { toString: null } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(
      /schemaVersion \{"toString":null\} but this store is at/,
    );
  });

  it('an out-of-band edit whose operation is {toString: null} gets a 400, not a 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/admin/accounts/default/invoke',
      headers: admin,
      payload: JSON.stringify({ operation: { toString: null } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(
      /operation \{"toString":null\} is not an account operation/,
    );
  });

  it('a provisioning delay past ten years gets a 400 and changes no setting (every later claim answered 500)', async () => {
    const before = tables();
    const response = await app.inject({
      method: 'PATCH',
      url: '/v1/admin/settings',
      headers: admin,
      payload: JSON.stringify({ provisioningDelays: { SIMULATOR: '99999999999999999999d' } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/more than 10 years/);
    expect(tables()).toBe(before);
  });

  it('a tag keyed __proto__ gets a 400 instead of vanishing from a 201', async () => {
    const before = tables();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/voice-connectors',
      headers: { 'x-api-key': DEFAULT_API_KEY, 'content-type': 'application/json' },
      payload: '{"name":"a","awsRegion":"us-east-1","tags":{"team":"a","__proto__":"x"}}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(
      /tags\.__proto__ is a key no object can hold as data; rename it/,
    );
    expect(tables()).toBe(before);
  });

  it('an inventory with a tag keyed __proto__ fails at that key', () => {
    const text =
      'voiceConnectors:\n  east:\n    awsRegion: us-east-1\n    tags: { __proto__: x }\n';
    expect(parseInventory(text, 'inventory.yaml').problems).toEqual([
      {
        file: 'inventory.yaml',
        line: 4,
        column: 13,
        message: '"__proto__" cannot be a key',
        fix: 'rename it',
      },
    ]);
  });

  it('clearing a fault by an id that is no number gets a 400, not 200 cleared 0', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: '/v1/admin/faults/abc',
      headers: { 'x-admin-key': DEFAULT_ADMIN_KEY },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(
      /fault id "abc" is not a fault id/,
    );
  });

  it.each([[5], [{}], [null], [[null]], [[{ priority: 1 }, null]]])(
    'VoiceConnectorGroup check of connectors %j fails on connectors instead of throwing',
    async (connectors) => {
      const result = await groupHooks.check({}, { name: 'main', connectors });
      expect(result.failures.map((failure) => failure.property)).toContain('connectors');
    },
  );

  it('PhoneNumber check of capabilities holding {toString: null} fails instead of throwing', async () => {
    const result = await phoneNumberHooks.check(
      {},
      { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: [{ toString: null }] },
    );
    expect(result.failures.map((failure) => failure.property)).toEqual(['numberCapabilities']);
  });

  it.each(['toString', '__proto__', 'constructor'])(
    'PhoneNumber check reports a property named %s as unknown',
    async (key) => {
      const props: Record<string, unknown> = {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['SMS'],
      };
      Object.defineProperty(props, key, { value: 1, enumerable: true });
      const result = await phoneNumberHooks.check({}, props);
      expect(result.failures).toEqual([
        { property: key, reason: expect.stringMatching(/has no property/) },
      ]);
    },
  );
});

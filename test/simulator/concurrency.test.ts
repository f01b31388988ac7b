import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HttpClient } from '../../provider/client/http-client';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { buildApp } from '../../provider/simulator/http/build-app';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

const run = promisify(execFile);
const claim = { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };

describe('claiming numbers concurrently', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-concurrency-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('50 parallel claims over HTTP against a quota of 25 give exactly 25 numbers and 25 quota errors', async () => {
    const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    const app = buildApp({ simulator });
    const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const client = new HttpClient({ endpoint, apiKey: DEFAULT_API_KEY });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => client.call('CreatePhoneNumber', { body: claim })),
      );
      const made = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.phoneNumber] : []));
      const failures = results.flatMap((r) =>
        r.status === 'rejected' ? [r.reason as { code: string; message: string }] : [],
      );
      expect(made).toHaveLength(25);
      expect(new Set(made).size).toBe(25);
      expect(failures).toHaveLength(25);
      for (const failure of failures) {
        expect(failure.code).toBe('ServiceQuotaExceededException');
        expect(failure.message).toMatch(/holds at most 25 numbers, and this makes 26/);
      }
      const listed = await client.call('ListPhoneNumbers', {});
      expect(listed.items.map((n) => n.phoneNumber).sort()).toEqual([...made].sort());
    } finally {
      await app.close();
      simulator.close();
    }
  });

  it('five processes claiming from one store never hand out a number twice and keep each quota', async () => {
    const dbPath = join(dir, 'shared.db');
    const setup = Simulator.open({ path: dbPath });
    const second = setup.invokeAdmin(DEFAULT_ADMIN_KEY, 'CreateAccount', {
      body: { name: 'second' },
    });
    setup.close();
    const root = findPackageRoot();
    const worker = join(root, 'test', 'simulator', 'fixtures', 'claim-worker.js');
    const keys = [DEFAULT_API_KEY, DEFAULT_API_KEY, DEFAULT_API_KEY, second.apiKey, second.apiKey];
    const outputs = await Promise.all(
      keys.map((key) => run(process.execPath, [worker, root, dbPath, key, '10'])),
    );
    const results = outputs.map(
      (o) => JSON.parse(o.stdout) as { numbers: string[]; errors: string[] },
    );
    const defaultNumbers = results.slice(0, 3).flatMap((r) => r.numbers);
    const secondNumbers = results.slice(3).flatMap((r) => r.numbers);
    // 30 attempts against a quota of 25, and 20 against another 25.
    expect(defaultNumbers).toHaveLength(25);
    expect(secondNumbers).toHaveLength(20);
    expect(results.flatMap((r) => r.errors)).toEqual(
      Array.from({ length: 5 }, () => 'ServiceQuotaExceededException'),
    );
    const all = [...defaultNumbers, ...secondNumbers];
    expect(new Set(all).size).toBe(45);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import { main } from '../../provider/cli/main';
import { buildApp } from '../../provider/simulator/http/build-app';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { allowNumbers, claimNumbers } from './paging-support';

/** The CLI in this process (the source, not dist/), its stdout captured. */
async function cli(...argv: string[]): Promise<string> {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await main(argv);
  } finally {
    write.mockRestore();
  }
  return out;
}

const rowsOf = (table: string): string[] =>
  table.split('\n').filter((line) => line.startsWith('phone-'));

for (const transport of ['embedded', 'http'] as const) {
  describe(`numberplane numbers list pages [${transport}]`, () => {
    let dir: string;
    let simulator: Simulator;
    let app: FastifyInstance | undefined;
    let endpoint: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'numberplane-cli-paging-'));
      const path = join(dir, 'sim.db');
      simulator = Simulator.open({ path });
      const client = new EmbeddedClient(
        simulator,
        { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
        false,
      );
      await allowNumbers(client, 250);
      await claimNumbers(client, 250, (i) => ({ deletionProtectionEnabled: i < 120 }));
      if (transport === 'http') {
        app = buildApp({ simulator });
        endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
      } else {
        endpoint = `file:${path}`;
      }
    });

    afterAll(async () => {
      await app?.close();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows one page of 100 and the token of the next, which shows the next page', async () => {
      const first = await cli('numbers', 'list', '--endpoint', endpoint);
      expect(rowsOf(first)).toHaveLength(100);
      const token = /\(more: --next-token (\S+), or --all\)/.exec(first)?.[1];
      expect(token).toBeDefined();
      const second = await cli(
        'numbers',
        'list',
        '--endpoint',
        endpoint,
        '--max-results',
        '100',
        '--next-token',
        String(token),
      );
      expect(rowsOf(second)).toHaveLength(100);
      expect(new Set([...rowsOf(first), ...rowsOf(second)]).size).toBe(200);
    });

    it('shows every number with --all, and no token', async () => {
      const all = await cli('numbers', 'list', '--endpoint', endpoint, '--all');
      expect(rowsOf(all)).toHaveLength(250);
      expect(new Set(rowsOf(all)).size).toBe(250);
      expect(all).not.toContain('--next-token');
    });

    it('walks --all pages of --max-results, filtered, as one JSON list', async () => {
      const listed = JSON.parse(
        await cli(
          'numbers',
          'list',
          '--endpoint',
          endpoint,
          '--all',
          '--max-results',
          '50',
          '--deletion-protection-enabled',
          'true',
          '--json',
        ),
      ) as { items: { deletionProtectionEnabled: boolean }[]; nextToken?: string };
      expect(listed.items).toHaveLength(120);
      expect(listed.items.every((n) => n.deletionProtectionEnabled)).toBe(true);
      expect(listed).not.toHaveProperty('nextToken');
    });

    it('refuses --max-results 101 with the service’s error naming maxResults', async () => {
      await expect(
        cli('numbers', 'list', '--endpoint', endpoint, '--max-results', '101'),
      ).rejects.toMatchObject({
        code: 'ValidationException',
        message: expect.stringContaining('maxResults must be at most 100; got 101'),
      });
    });
  });
}

import { listAll, walkPages } from '../../provider/client/list-all';
import type { SimulatorClient } from '../../provider/client/simulator-client';
import { describeEachTransport } from './harness';
import { allowNumbers, claimNumbers, idsOf } from './paging-support';

describeEachTransport('listAll, every page of a list', (harness) => {
  it('returns all 250 numbers, following nextToken through every page', async () => {
    const { client } = harness();
    await allowNumbers(client, 250);
    const made = await claimNumbers(client, 250);
    const listed = await listAll(client, 'ListPhoneNumbers');
    expect(listed).toHaveLength(250);
    expect(idsOf(listed)).toEqual(idsOf(made));
  });

  it('passes filters and the page size to every page', async () => {
    const { client } = harness();
    await allowNumbers(client, 60);
    const made = await claimNumbers(client, 60, (i) => ({ deletionProtectionEnabled: i < 25 }));
    const pages: number[] = [];
    const counting: SimulatorClient = {
      call: (operation, input) => {
        pages.push(1);
        return client.call(operation, input);
      },
      admin: (operation, input) => client.admin(operation, input),
      close: () => client.close(),
    };
    const listed = await listAll(counting, 'ListPhoneNumbers', {
      filters: { 'deletion-protection-enabled': ['true'] },
      page: { maxResults: 10 },
    });
    expect(idsOf(listed)).toEqual(idsOf(made.filter((n) => n.deletionProtectionEnabled)));
    expect(pages).toHaveLength(3);
  });

  it('lists the numbers of one opt-out list', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'quiet' } });
    for (let i = 0; i < 120; i++) {
      await client.call('PutOptedOutNumber', {
        id: 'quiet',
        body: { phoneNumber: `+1415555${String(3000 + i)}` },
      });
    }
    const listed = await listAll(client, 'ListOptedOutNumbers', { id: 'quiet' });
    expect(listed.map((n) => n.phoneNumber)).toHaveLength(120);
    expect(new Set(listed.map((n) => n.phoneNumber)).size).toBe(120);
  });
});

describe('walkPages', () => {
  it('starts at the given token and stops at the page without one', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      start: { items: [1, 2], nextToken: 'b' },
      b: { items: [3, 4], nextToken: 'c' },
      c: { items: [5] },
    };
    const asked: (string | undefined)[] = [];
    const items = await walkPages(
      async (page) => {
        asked.push(page.nextToken);
        return pages[page.nextToken ?? 'start'] ?? { items: [] };
      },
      { nextToken: 'b' },
    );
    expect(items).toEqual([3, 4, 5]);
    expect(asked).toEqual(['b', 'c']);
  });

  it('fails instead of looping when a token comes back twice', async () => {
    await expect(walkPages(async () => ({ items: [1], nextToken: 'same' }))).rejects.toThrow(
      /handed out nextToken same twice/,
    );
  });
});

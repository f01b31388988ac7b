import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { requestDigest } from '../../provider/simulator/domain/ids';
import type { PhoneNumber } from '../../provider/api/objects';
import { buildApp } from '../../provider/simulator/http/build-app';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { describeEachTransport, failureOf } from './harness';
import { allowNumbers, claimNumbers, idsOf } from './paging-support';

describeEachTransport('paging through lists', (harness) => {
  it('lists 250 numbers in 3 pages of at most 100, each number exactly once', async () => {
    const { client } = harness();
    await allowNumbers(client, 250);
    const made = await claimNumbers(client, 250);

    const first = await client.call('ListPhoneNumbers', { page: { maxResults: 100 } });
    expect(first.items).toHaveLength(100);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await client.call('ListPhoneNumbers', {
      page: { maxResults: 100, nextToken: first.nextToken },
    });
    expect(second.items).toHaveLength(100);
    const third = await client.call('ListPhoneNumbers', {
      page: { maxResults: 100, nextToken: second.nextToken },
    });
    expect(third.items).toHaveLength(50);
    expect(third.nextToken).toBeUndefined();

    const listed = [...first.items, ...second.items, ...third.items];
    expect(new Set(listed.map((n) => n.phoneNumberId)).size).toBe(250);
    expect(idsOf(listed)).toEqual(idsOf(made));
  });

  it('pages 100 at a time when maxResults is not given', async () => {
    const { client } = harness();
    await allowNumbers(client, 120);
    await claimNumbers(client, 120);
    const first = await client.call('ListPhoneNumbers', {});
    expect(first.items).toHaveLength(100);
    const second = await client.call('ListPhoneNumbers', { page: { nextToken: first.nextToken } });
    expect(second.items).toHaveLength(20);
    expect(second.nextToken).toBeUndefined();
  });

  it('answers one page and no token when the list fits exactly in it', async () => {
    const { client } = harness();
    await allowNumbers(client, 100);
    await claimNumbers(client, 100);
    const page = await client.call('ListPhoneNumbers', { page: { maxResults: 100 } });
    expect(page.items).toHaveLength(100);
    expect(page.nextToken).toBeUndefined();
  });

  it('skips no number when numbers already listed are deleted between pages, the page’s last one too', async () => {
    const { client } = harness();
    await allowNumbers(client, 250);
    await claimNumbers(client, 250);
    const first = await client.call('ListPhoneNumbers', { page: { maxResults: 100 } });
    // Release three numbers of the first page, its last one (the token's key) among them,
    // and let the deletion queue expire: the rows are gone from the store.
    const gone = [first.items[0], first.items[50], first.items[99]] as PhoneNumber[];
    for (const number of gone) {
      await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    }
    await client.admin('ChangeClock', { body: { action: 'advance', by: '8d' } });
    for (const number of gone) {
      const failure = await failureOf(
        client.call('DescribePhoneNumber', { id: number.phoneNumberId }),
      );
      expect(failure.code).toBe('ResourceNotFoundException');
    }

    const rest: PhoneNumber[] = [];
    let nextToken = first.nextToken;
    while (nextToken) {
      const page = await client.call('ListPhoneNumbers', { page: { maxResults: 100, nextToken } });
      rest.push(...page.items);
      nextToken = page.nextToken;
    }
    // Offset paging would have started 3 numbers too late and skipped them.
    expect(rest).toHaveLength(150);
    const firstIds = new Set(first.items.map((n) => n.phoneNumberId));
    expect(rest.filter((n) => firstIds.has(n.phoneNumberId))).toEqual([]);
    expect(new Set(rest.map((n) => n.phoneNumberId)).size).toBe(150);
  });

  it('skips no number and repeats none when numbers are released or claimed between pages', async () => {
    const { client } = harness();
    await allowNumbers(client, 300);
    const made = await claimNumbers(client, 250);
    const first = await client.call('ListPhoneNumbers', { page: { maxResults: 100 } });
    const released = first.items.slice(0, 10);
    for (const number of released) {
      await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    }
    const added = await claimNumbers(client, 20);
    const rest: PhoneNumber[] = [];
    let nextToken = first.nextToken;
    while (nextToken) {
      const page = await client.call('ListPhoneNumbers', { page: { maxResults: 100, nextToken } });
      rest.push(...page.items);
      nextToken = page.nextToken;
    }
    const all = [...first.items, ...rest];
    const ids = all.map((n) => n.phoneNumberId);
    expect(new Set(ids).size).toBe(ids.length);
    // Every number there before the first page is listed once; a number claimed meanwhile
    // is listed at most once (on whichever side of the first page its key fell).
    expect(ids).toEqual(expect.arrayContaining(idsOf(made)));
    expect(ids.length - made.length).toBeLessThanOrEqual(added.length);
  });

  it('refuses maxResults 0 and 101, naming maxResults', async () => {
    const { client } = harness();
    const zero = await failureOf(client.call('ListPhoneNumbers', { page: { maxResults: 0 } }));
    expect(zero).toEqual({
      code: 'ValidationException',
      message: expect.stringContaining('maxResults must be at least 1; got 0'),
    });
    const over = await failureOf(client.call('ListVoiceConnectors', { page: { maxResults: 101 } }));
    expect(over).toEqual({
      code: 'ValidationException',
      message: expect.stringContaining('maxResults must be at most 100; got 101'),
    });
  });

  it('refuses a garbled or forged nextToken, naming nextToken and saying to pass it back unchanged', async () => {
    const { client } = harness();
    await allowNumbers(client, 5);
    await claimNumbers(client, 5);
    const { nextToken } = await client.call('ListPhoneNumbers', { page: { maxResults: 2 } });
    if (!nextToken) throw new Error('expected a second page');
    const [payload, seal] = nextToken.split('.') as [string, string];
    const forgedKey = Buffer.from(JSON.stringify([0, 'phone-0'])).toString('base64url');
    const flipped = `${payload}.${seal.slice(0, -1)}${seal.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['abc', '42', `${forgedKey}.${seal}`, flipped, `${nextToken}x`, `.${seal}`]) {
      const failure = await failureOf(
        client.call('ListPhoneNumbers', { page: { maxResults: 2, nextToken: bad } }),
      );
      expect(failure.code).toBe('ValidationException');
      expect(failure.message).toMatch(
        /nextToken is not a token this API issued.*pass nextToken back unchanged/,
      );
    }
  });

  it('refuses a token sealed as the open code seals it but without the store’s secret (forged)', async () => {
    const { client } = harness();
    await allowNumbers(client, 5);
    await claimNumbers(client, 5);
    const [account] = await client.admin('ListAccounts');
    const scope = requestDigest([
      'numberplane-page-v1',
      'ListPhoneNumbers',
      null,
      account?.accountId,
      {},
    ]);
    const payload = Buffer.from(JSON.stringify([0, ''])).toString('base64url');
    const unkeyed = createHash('sha256')
      .update(`${scope}.${payload}`)
      .digest('base64url')
      .slice(0, 16);
    const failure = await failureOf(
      client.call('ListPhoneNumbers', { page: { nextToken: `${payload}.${unkeyed}` } }),
    );
    expect(failure.message).toMatch(/nextToken is not a token this API issued/);
  });

  it('refuses a token from another list, another account or other filters', async () => {
    const { client } = harness();
    await allowNumbers(client, 5);
    await claimNumbers(client, 5, (i) => ({ deletionProtectionEnabled: i % 2 === 0 }));
    for (const name of ['a', 'b', 'c']) {
      await client.call('CreateVoiceConnector', { body: { name, awsRegion: 'us-east-1' } });
    }
    const numbersToken = (await client.call('ListPhoneNumbers', { page: { maxResults: 2 } }))
      .nextToken;
    const connectorsToken = (await client.call('ListVoiceConnectors', { page: { maxResults: 2 } }))
      .nextToken;
    const filters = { 'deletion-protection-enabled': ['true'] };
    const filteredToken = (
      await client.call('ListPhoneNumbers', { filters, page: { maxResults: 2 } })
    ).nextToken;
    const other = await harness().newAccount('other', 5);

    const attempts: Promise<unknown>[] = [
      client.call('ListPhoneNumbers', { page: { nextToken: connectorsToken } }),
      client.call('ListVoiceConnectors', { page: { nextToken: numbersToken } }),
      client.call('ListPhoneNumbers', { page: { nextToken: filteredToken } }),
      client.call('ListPhoneNumbers', { filters, page: { nextToken: numbersToken } }),
      other.call('ListPhoneNumbers', { page: { nextToken: numbersToken } }),
    ];
    for (const attempt of attempts) {
      const failure = await failureOf(attempt);
      expect(failure.code).toBe('ValidationException');
      expect(failure.message).toMatch(/nextToken is not a token this API issued for List/);
    }
    // The same filters, a value given twice, are the same request.
    const reordered = await client.call('ListPhoneNumbers', {
      filters: { 'deletion-protection-enabled': ['true', 'true'] },
      page: { maxResults: 2, nextToken: filteredToken },
    });
    expect(reordered.items).toHaveLength(1);
  });

  it('applies filters before the page limit: full pages and exact counts', async () => {
    const { client } = harness();
    await allowNumbers(client, 250);
    const made = await claimNumbers(client, 250, (i) => ({
      messageType: i % 5 < 3 ? 'TRANSACTIONAL' : 'PROMOTIONAL',
      deletionProtectionEnabled: i % 2 === 0,
    }));
    const filters = {
      'message-type': ['TRANSACTIONAL'],
      'deletion-protection-enabled': ['true'],
    };
    const wanted = made.filter(
      (n) => n.messageType === 'TRANSACTIONAL' && n.deletionProtectionEnabled,
    );
    expect(wanted).toHaveLength(75);

    const sizes: number[] = [];
    const listed: PhoneNumber[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.call('ListPhoneNumbers', {
        filters,
        page: nextToken ? { maxResults: 30, nextToken } : { maxResults: 30 },
      });
      sizes.push(page.items.length);
      listed.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(sizes).toEqual([30, 30, 15]);
    expect(idsOf(listed)).toEqual(idsOf(wanted));
    expect(
      listed.every((n) => n.messageType === 'TRANSACTIONAL' && n.deletionProtectionEnabled),
    ).toBe(true);
  });

  it('pages voice connectors, groups, opt-out lists and opted-out numbers alike', async () => {
    const { client } = harness();
    const connectors = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      connectors.push(
        await client.call('CreateVoiceConnector', { body: { name, awsRegion: 'us-east-1' } }),
      );
    }
    for (const name of ['g1', 'g2', 'g3']) {
      await client.call('CreateVoiceConnectorGroup', { body: { name } });
    }
    for (const name of ['l1', 'l2', 'l3', 'l4']) {
      await client.call('CreateOptOutList', { body: { optOutListName: name } });
    }
    for (let i = 0; i < 150; i++) {
      await client.call('PutOptedOutNumber', {
        id: 'l1',
        body: { phoneNumber: `+1206555${String(1000 + i)}` },
      });
    }

    const walk = async (
      fetch: (page: Record<string, unknown>) => Promise<{ items: unknown[]; nextToken?: string }>,
      size: number,
    ): Promise<number[]> => {
      const sizes: number[] = [];
      let nextToken: string | undefined;
      do {
        const page = await fetch(
          nextToken ? { maxResults: size, nextToken } : { maxResults: size },
        );
        sizes.push(page.items.length);
        nextToken = page.nextToken;
      } while (nextToken);
      return sizes;
    };
    expect(await walk((page) => client.call('ListVoiceConnectors', { page }), 2)).toEqual([
      2, 2, 1,
    ]);
    expect(await walk((page) => client.call('ListVoiceConnectorGroups', { page }), 2)).toEqual([
      2, 1,
    ]);
    // Default plus the four made here.
    expect(await walk((page) => client.call('ListOptOutLists', { page }), 2)).toEqual([2, 2, 1]);
    expect(
      await walk((page) => client.call('ListOptedOutNumbers', { id: 'l1', page }), 100),
    ).toEqual([100, 50]);

    const listed = (await client.call('ListVoiceConnectors', { page: { maxResults: 100 } })).items;
    expect(listed.map((c) => c.voiceConnectorId).sort()).toEqual(
      connectors.map((c) => c.voiceConnectorId).sort(),
    );
  });

  it('refuses a token of one opt-out list’s numbers for another list’s', async () => {
    const { client } = harness();
    for (const name of ['l1', 'l2']) {
      await client.call('CreateOptOutList', { body: { optOutListName: name } });
      for (let i = 0; i < 3; i++) {
        await client.call('PutOptedOutNumber', {
          id: name,
          body: { phoneNumber: `+1206555${String(2000 + i)}` },
        });
      }
    }
    const { nextToken } = await client.call('ListOptedOutNumbers', {
      id: 'l1',
      page: { maxResults: 2 },
    });
    const failure = await failureOf(
      client.call('ListOptedOutNumbers', { id: 'l2', page: { maxResults: 2, nextToken } }),
    );
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toMatch(/nextToken is not a token this API issued/);
  });
});

describe('paging over HTTP query parameters', () => {
  let dir: string;
  let simulator: Simulator;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-paging-http-'));
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    app = buildApp({ simulator });
    for (const name of ['a', 'b', 'c']) {
      await simulator.invoke(DEFAULT_API_KEY, 'CreateVoiceConnector', {
        body: { name, awsRegion: 'us-east-1' },
      });
    }
  });

  afterAll(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const response = await app.inject({
      method: 'GET',
      url,
      headers: { 'x-api-key': DEFAULT_API_KEY, 'x-admin-key': DEFAULT_ADMIN_KEY },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };

  it.each([
    ['0', /maxResults must be at least 1; got 0/],
    ['101', /maxResults must be at most 100; got 101/],
    ['-1', /maxResults must be a number; got "-1"/],
  ])('answers 400 to maxResults=%s, naming maxResults', async (value, message) => {
    const answer = await get(`/v1/phone-numbers?maxResults=${value}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('ValidationException');
    expect(answer.body.message).toMatch(message);
  });

  it('answers 400 to a nextToken it did not issue', async () => {
    const first = await get('/v1/voice-connectors?maxResults=2');
    const token = String(first.body.nextToken);
    const answer = await get(`/v1/voice-connectors?nextToken=${token.slice(0, -2)}xx`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'ValidationException' });
    expect(answer.body.message).toMatch(/nextToken is not a token this API issued/);
  });

  it('hands out a token that passes through a query string unchanged', async () => {
    const first = await get('/v1/voice-connectors?maxResults=2');
    expect(first.body.items).toHaveLength(2);
    expect(String(first.body.nextToken)).toMatch(/^[A-Za-z0-9_.-]+$/);
    const second = await get(
      `/v1/voice-connectors?maxResults=2&nextToken=${String(first.body.nextToken)}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body).not.toHaveProperty('nextToken');
  });
});

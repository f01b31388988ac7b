import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { schemaVersion } from '../../provider/simulator/store/database';
import { MIGRATIONS } from '../../provider/simulator/store/migrations';
import { inventoryCount } from '../../provider/simulator/store/phone-numbers';
import { churnSince } from '../../provider/simulator/store/churn';
import { allowNumbers, claimNumbers } from './paging-support';

const DAY = 86_400_000;

/**
 * The inventory count and the churn window are read from counts that triggers keep
 * (so a claim costs the same at 10,000 numbers as at 100); these tests hold them equal
 * to counting the rows, through every way a number comes and goes.
 */
describe('the counts behind the quota and the churn cap', () => {
  let dir: string;
  let simulator: Simulator;
  let client: EmbeddedClient;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-counts-'));
    simulator = Simulator.open({ path: join(dir, 'sim.db') });
    client = new EmbeddedClient(
      simulator,
      { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
      false,
    );
    await client.admin('ChangeClock', { body: { action: 'freeze' } });
  });

  afterEach(() => {
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const accountId = (): string =>
    (
      simulator.db.prepare("SELECT account_id FROM accounts WHERE name = 'default'").get() as {
        account_id: string;
      }
    ).account_id;

  function expectCountsTrue(): void {
    const id = accountId();
    const held = simulator.db
      .prepare(
        "SELECT COUNT(*) AS n FROM phone_numbers WHERE account_id = ? AND status NOT IN ('FAILED', 'DELETION_QUEUED')",
      )
      .get(id) as { n: number };
    expect(inventoryCount(simulator.db, id)).toBe(held.n);
    const now = simulator.now();
    for (const since of [now - 180 * DAY, now - 3 * DAY - 1234, now - 1, 0]) {
      const counted = simulator.db
        .prepare('SELECT COUNT(*) AS n FROM churn_events WHERE account_id = ? AND at > ?')
        .get(id, since) as { n: number };
      expect(churnSince(simulator.db, id, since)).toBe(counted.n);
    }
  }

  it('stay equal to the rows through claims, failed claims, retries, releases, restores and expiry', async () => {
    await allowNumbers(client, 100);
    // Every other number a Chime one: releases go both to the deletion queue and for good.
    const made = await claimNumbers(client, 30, (i) =>
      i % 2 === 0 ? { productType: 'VoiceConnector' } : {},
    );
    expectCountsTrue();

    await client.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', count: 3, rate: 1 },
    });
    const failed = await claimNumbers(client, 3);
    expect(failed.every((n) => n.status === 'FAILED')).toBe(true);
    expectCountsTrue();
    await client.call('RetryClaimPhoneNumber', { id: failed[0]?.phoneNumberId });
    await client.call('ReleasePhoneNumber', { id: failed[1]?.phoneNumberId });
    expectCountsTrue();

    for (const number of made.slice(0, 10)) {
      await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    }
    await client.call('RestorePhoneNumber', { id: made[0]?.phoneNumberId });
    expectCountsTrue();

    await client.admin('ChangeClock', { body: { action: 'advance', by: '2d' } });
    expectCountsTrue();
    await client.admin('ChangeClock', { body: { action: 'advance', by: '6d' } });
    expectCountsTrue();
    await claimNumbers(client, 5);
    await client.admin('ChangeClock', { body: { action: 'advance', by: '179d' } });
    expectCountsTrue();
    await client.admin('ChangeClock', { body: { action: 'advance', by: '3d' } });
    expectCountsTrue();
  });

  it('are recounted when a store made before the deletion queue left the quota opens', async () => {
    await allowNumbers(client, 10);
    const made = await claimNumbers(client, 3, () => ({ productType: 'VoiceConnector' }));
    await client.call('ReleasePhoneNumber', { id: made[0]?.phoneNumberId });
    expect(inventoryCount(simulator.db, accountId())).toBe(2);
    // What a store of schema version 2 holds: the queued number still counted.
    simulator.db.exec('UPDATE inventory_counts SET held = 3');
    // …and none of what migration 5 adds (it is not written to run twice).
    simulator.db.exec(`DROP TABLE phone_number_order_numbers; DROP TABLE phone_number_orders;
      ALTER TABLE phone_numbers DROP COLUMN target_arn;`);
    simulator.db.pragma('user_version = 2');
    simulator.close();
    simulator = Simulator.open({ path: join(dir, 'sim.db') });
    client = new EmbeddedClient(
      simulator,
      { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
      false,
    );
    expect(schemaVersion(simulator.db)).toBe(MIGRATIONS.length);
    expect(inventoryCount(simulator.db, accountId())).toBe(2);
    await client.call('RestorePhoneNumber', { id: made[0]?.phoneNumberId });
    expectCountsTrue();
    expect(inventoryCount(simulator.db, accountId())).toBe(3);
  });

  it('stay equal to the rows across a state export, reset and import', async () => {
    await allowNumbers(client, 50);
    const made = await claimNumbers(client, 20);
    await client.call('ReleasePhoneNumber', { id: made[0]?.phoneNumberId });
    await client.admin('ChangeClock', { body: { action: 'advance', by: '8d' } });
    const exported = await client.admin('ExportState');
    await client.admin('ResetState');
    expect(inventoryCount(simulator.db, accountId())).toBe(0);
    await client.admin('ImportState', { body: exported });
    expectCountsTrue();
    expect(inventoryCount(simulator.db, accountId())).toBe(19);
  });

  it('a number an older store holds without a message type reads TRANSACTIONAL, and the filter finds it (Pinpoint 001 L69)', async () => {
    await allowNumbers(client, 10);
    const [number] = await claimNumbers(client, 1);
    // What stores made before the default hold: NULL.
    simulator.db
      .prepare('UPDATE phone_numbers SET message_type = NULL WHERE phone_number_id = ?')
      .run(number?.phoneNumberId);
    const read = await client.call('DescribePhoneNumber', { id: String(number?.phoneNumberId) });
    expect(read.messageType).toBe('TRANSACTIONAL');
    const listed = await client.call('ListPhoneNumbers', {
      filters: { 'message-type': ['TRANSACTIONAL'] },
    });
    expect(listed.items.map((n) => n.phoneNumberId)).toEqual([number?.phoneNumberId]);
  });
});

import { describeEachTransport } from '../harness';
import { CHANNEL_ARN, claimSimulatorNumber, expectRefused, numberIds } from './support';

type Fixture = 'sms' | 'voice' | 'uk' | 'queued' | 'failed';

/**
 * Five numbers that differ in every filtered property. Each case below matches a strict,
 * non-empty subset, so a filter the simulator ignored would return all five and fail.
 */
const CASES: { filter: string; values: string[]; expected: Fixture[] }[] = [
  { filter: 'status', values: ['ACTIVE'], expected: ['sms', 'voice'] },
  { filter: 'status', values: ['PENDING'], expected: ['uk'] },
  { filter: 'status', values: ['DELETION_QUEUED'], expected: ['queued'] },
  { filter: 'status', values: ['FAILED'], expected: ['failed'] },
  { filter: 'status', values: ['PENDING', 'FAILED'], expected: ['failed', 'uk'] },
  { filter: 'iso-country-code', values: ['GB'], expected: ['uk'] },
  { filter: 'iso-country-code', values: ['US'], expected: ['failed', 'queued', 'sms', 'voice'] },
  // Pinpoint 001 L69: "Otherwise, use TRANSACTIONAL": a number requested without one is.
  {
    filter: 'message-type',
    values: ['TRANSACTIONAL'],
    expected: ['failed', 'queued', 'sms', 'uk'],
  },
  { filter: 'message-type', values: ['PROMOTIONAL'], expected: ['voice'] },
  { filter: 'number-capability', values: ['VOICE'], expected: ['uk', 'voice'] },
  { filter: 'number-capability', values: ['MMS'], expected: ['queued'] },
  { filter: 'number-capability', values: ['MMS', 'VOICE'], expected: ['queued', 'uk', 'voice'] },
  { filter: 'number-type', values: ['LONG_CODE'], expected: ['uk'] },
  { filter: 'number-type', values: ['SIMULATOR'], expected: ['failed', 'queued', 'sms', 'voice'] },
  { filter: 'two-way-enabled', values: ['true'], expected: ['sms'] },
  { filter: 'two-way-enabled', values: ['false'], expected: ['failed', 'queued', 'uk', 'voice'] },
  { filter: 'self-managed-opt-outs-enabled', values: ['true'], expected: ['voice'] },
  {
    filter: 'self-managed-opt-outs-enabled',
    values: ['false'],
    expected: ['failed', 'queued', 'sms', 'uk'],
  },
  { filter: 'opt-out-list-name', values: ['marketing'], expected: ['voice'] },
  { filter: 'opt-out-list-name', values: ['Default'], expected: ['failed', 'queued', 'sms', 'uk'] },
  { filter: 'deletion-protection-enabled', values: ['true'], expected: ['voice'] },
  {
    filter: 'deletion-protection-enabled',
    values: ['false'],
    expected: ['failed', 'queued', 'sms', 'uk'],
  },
];

describeEachTransport('listing phone numbers with filters', (harness) => {
  let ids: Record<Fixture, string>;
  const idsOf = (names: Fixture[]): string[] => names.map((name) => ids[name]).sort();

  beforeEach(async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const sms = await claimSimulatorNumber(client, {
      numberCapabilities: ['SMS'],
      messageType: 'TRANSACTIONAL',
      twoWayEnabled: true,
      twoWayChannelArn: CHANNEL_ARN,
    });
    const voice = await claimSimulatorNumber(client, {
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      messageType: 'PROMOTIONAL',
      selfManagedOptOutsEnabled: true,
      optOutListName: 'marketing',
      deletionProtectionEnabled: true,
    });
    const uk = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'GB', numberType: 'LONG_CODE', numberCapabilities: ['SMS', 'VOICE'] },
    });
    const queued = await claimSimulatorNumber(client, {
      numberCapabilities: ['SMS', 'MMS'],
      productType: 'VoiceConnector',
    });
    await client.call('ReleasePhoneNumber', { id: queued.phoneNumberId });
    await client.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
    });
    const failed = await claimSimulatorNumber(client, { numberCapabilities: ['SMS'] });
    ids = {
      sms: sms.phoneNumberId,
      voice: voice.phoneNumberId,
      uk: uk.phoneNumberId,
      queued: queued.phoneNumberId,
      failed: failed.phoneNumberId,
    };
  });

  it('without filters every number of the account is listed', async () => {
    expect(await numberIds(harness().client)).toEqual(
      idsOf(['sms', 'voice', 'uk', 'queued', 'failed']),
    );
  });

  it.each(CASES)(
    'filter $filter = $values lists only the numbers that match',
    async ({ filter, values, expected }) => {
      expect(await numberIds(harness().client, { [filter]: values })).toEqual(idsOf(expected));
    },
  );

  it('all nine filters are covered by the cases above', () => {
    expect(new Set(CASES.map((c) => c.filter))).toEqual(
      new Set([
        'status',
        'iso-country-code',
        'message-type',
        'number-capability',
        'number-type',
        'two-way-enabled',
        'self-managed-opt-outs-enabled',
        'opt-out-list-name',
        'deletion-protection-enabled',
      ]),
    );
  });

  it('different filters must all hold', async () => {
    const { client } = harness();
    expect(
      await numberIds(client, { 'number-capability': ['SMS'], status: ['ACTIVE', 'PENDING'] }),
    ).toEqual(idsOf(['sms', 'uk']));
    expect(
      await numberIds(client, { 'iso-country-code': ['GB'], 'message-type': ['PROMOTIONAL'] }),
    ).toEqual([]);
  });

  it('filtered lists page like unfiltered ones', async () => {
    const { client } = harness();
    const first = await client.call('ListPhoneNumbers', {
      filters: { 'iso-country-code': ['US'] },
      page: { maxResults: 3 },
    });
    expect(first.items).toHaveLength(3);
    expect(first.nextToken).toBeDefined();
    const second = await client.call('ListPhoneNumbers', {
      filters: { 'iso-country-code': ['US'] },
      page: { maxResults: 3, nextToken: first.nextToken },
    });
    expect([...first.items, ...second.items].map((n) => n.phoneNumberId).sort()).toEqual(
      idsOf(['failed', 'queued', 'sms', 'voice']),
    );
    expect(second.nextToken).toBeUndefined();
  });

  it('fails when a filter name is not one of the nine', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => client.call('ListPhoneNumbers', { filters: { 'area-code': ['206'] } }),
      'ValidationException',
      '"area-code"',
    );
  });

  it('fails when a filter value is not allowed for that filter', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => client.call('ListPhoneNumbers', { filters: { status: ['RELEASED'] } }),
      'ValidationException',
      'status.0 must be one of PENDING, ACTIVE, DELETION_QUEUED, FAILED',
    );
  });
});

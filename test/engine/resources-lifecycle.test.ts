import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const BASE: TelephonySpec = {
  connectors: {
    east: { awsRegion: 'us-east-1' },
    west: { awsRegion: 'us-west-2', requireEncryption: true },
  },
  groups: {
    main: {
      connectors: [
        { connector: 'east', priority: 1 },
        { connector: 'west', priority: 2 },
      ],
    },
  },
  optOutLists: { marketing: {} },
  numbers: {
    support: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      group: 'main',
    },
    alerts: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS'],
      optOutList: 'marketing',
    },
  },
};

describe('the four resources under the real engine', () => {
  let env: TelephonyStack;

  beforeAll(async () => {
    env = await startTelephonyStack();
  });

  afterAll(async () => {
    await env.close();
  });

  it('up creates all four kinds in dependency order and a second preview plans no changes', async () => {
    const up = await env.up(BASE);
    expect(up.error).toBeUndefined();
    expect(up.changes).toEqual({ create: 7 });
    const order = (up.steps ?? []).map((s) => s.urn.split('::').pop());
    expect(order.indexOf('main')).toBeGreaterThan(order.indexOf('east'));
    expect(order.indexOf('main')).toBeGreaterThan(order.indexOf('west'));
    expect(order.indexOf('support')).toBeGreaterThan(order.indexOf('main'));
    expect(order.indexOf('alerts')).toBeGreaterThan(order.indexOf('marketing'));

    const numbers = (await env.client.call('ListPhoneNumbers', {})).items;
    expect(numbers).toHaveLength(2);
    const support = numbers.find((n) => n.voiceConnectorGroupId !== null);
    expect(support?.status).toBe('ACTIVE');
    const group = await env.client.call('GetVoiceConnectorGroup', {
      id: support?.voiceConnectorGroupId ?? '',
    });
    expect(group.connectors.map((c) => c.priority)).toEqual([1, 2]);

    const preview = await env.preview(BASE, { expectNoChanges: true });
    expect(preview.error).toBeUndefined();
    expect(preview.changes).toEqual({ same: 7 });
  });
});

import { driftOf } from '../../provider/ci/ci-command';
import type { StackStep } from '../../provider/engine/stack-operation';
import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const SPEC: TelephonySpec = {
  connectors: { east: { awsRegion: 'us-east-1' }, west: { awsRegion: 'us-west-2' } },
  groups: {
    main: {
      connectors: [
        { connector: 'east', priority: 1 },
        { connector: 'west', priority: 2 },
      ],
    },
  },
  optOutLists: { marketing: {}, spare: {} },
  numbers: {
    support: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      group: 'main',
      deletionProtectionEnabled: true,
    },
    alerts: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS'],
      optOutList: 'marketing',
    },
  },
};

const name = (step: StackStep): string => step.urn.split('::').pop() ?? '';

describe('drift made out of band', () => {
  let env: TelephonyStack;
  let ids: {
    numbers: Record<string, string>;
    connectors: Record<string, string>;
    groups: Record<string, string>;
    lists: Record<string, string>;
  };

  beforeAll(async () => {
    env = await startTelephonyStack();
    const up = await env.up(SPEC);
    expect(up.error).toBeUndefined();
    const outputs = up.outputs as Record<string, Record<string, string>>;
    ids = {
      numbers: outputs.numberIds ?? {},
      connectors: outputs.connectorIds ?? {},
      groups: outputs.groupIds ?? {},
      lists: outputs.listNames ?? {},
    };
  });

  afterAll(async () => {
    await env.close();
  });

  /** preview --refresh must plan exactly `expected`; up restores; then nothing is left to do. */
  async function expectDriftRestored(
    expected: { op: string; resource: string; diffs?: string[] },
    drifted?: { resource: string; status: 'changed' | 'deleted' },
  ): Promise<void> {
    const preview = await env.preview(SPEC, { refresh: true });
    expect(preview.error).toBeUndefined();
    if (drifted) {
      // What `numberplane drift` reports (its text, --json and --summary) from these steps.
      expect(
        driftOf(preview.steps).map((d) => ({ resource: d.resource, status: d.status })),
      ).toEqual([drifted]);
    }
    const planned = (preview.steps ?? []).filter((s) => s.op !== 'refresh');
    expect(
      planned.map((s) => ({
        op: s.op,
        resource: name(s),
        ...(expected.diffs ? { diffs: s.diffs } : {}),
      })),
    ).toEqual([expected]);
    const up = await env.up(SPEC, { refresh: true });
    expect(up.error).toBeUndefined();
    const again = await env.preview(SPEC, { refresh: true });
    expect(again.steps?.filter((s) => s.op !== 'refresh')).toEqual([]);
  }

  it('a group priority changed in the console shows as that one change, and up restores it', async () => {
    await env.outOfBand('UpdateVoiceConnectorGroup', {
      id: ids.groups.main,
      body: {
        connectors: [
          { voiceConnectorId: ids.connectors.east, priority: 5 },
          { voiceConnectorId: ids.connectors.west, priority: 2 },
        ],
      },
    });
    await expectDriftRestored({ op: 'update', resource: 'main', diffs: ['connectors'] });
    const group = await env.client.call('GetVoiceConnectorGroup', { id: ids.groups.main ?? '' });
    expect(group.connectors).toEqual([
      { voiceConnectorId: ids.connectors.east, priority: 1 },
      { voiceConnectorId: ids.connectors.west, priority: 2 },
    ]);
  });

  it('deletion protection turned off in the console shows as that one change, and up restores it', async () => {
    await env.outOfBand('UpdatePhoneNumber', {
      id: ids.numbers.support,
      body: { deletionProtectionEnabled: false },
    });
    await expectDriftRestored({
      op: 'update',
      resource: 'support',
      diffs: ['deletionProtectionEnabled'],
    });
    const number = await env.client.call('DescribePhoneNumber', { id: ids.numbers.support ?? '' });
    expect(number.deletionProtectionEnabled).toBe(true);
  });

  it('connector encryption turned off in the console shows as that one change, and up restores it', async () => {
    await env.outOfBand('UpdateVoiceConnector', {
      id: ids.connectors.east,
      body: { requireEncryption: false },
    });
    await expectDriftRestored({ op: 'update', resource: 'east', diffs: ['requireEncryption'] });
    const connector = await env.client.call('GetVoiceConnector', { id: ids.connectors.east ?? '' });
    expect(connector.requireEncryption).toBe(true);
  });

  it('a number released in the console reads as gone (drift lists it so), and up takes the same number back', async () => {
    const before = await env.client.call('DescribePhoneNumber', { id: ids.numbers.alerts ?? '' });
    await env.outOfBand('ReleasePhoneNumber', { id: ids.numbers.alerts });
    await expectDriftRestored(
      { op: 'create', resource: 'alerts' },
      { resource: 'alerts', status: 'deleted' },
    );
    const after = await env.client.call('DescribePhoneNumber', { id: ids.numbers.alerts ?? '' });
    expect(after.status).toBe('ACTIVE');
    expect(after.phoneNumber).toBe(before.phoneNumber);
  });

  it('an opt-out list deleted in the console reads as gone (drift lists it so), and up makes it again', async () => {
    const spare = ids.lists.spare ?? '';
    expect(spare).toMatch(/^spare-[0-9a-f]{7}$/);
    await env.outOfBand('DeleteOptOutList', { id: spare });
    await expectDriftRestored(
      { op: 'create', resource: 'spare' },
      { resource: 'spare', status: 'deleted' },
    );
    await expect(env.client.call('DescribeOptOutList', { id: spare })).resolves.toMatchObject({
      optOutListName: spare,
    });
  });
});

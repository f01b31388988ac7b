import { driftOf } from '../../provider/ci/ci-command';
import type { StackOperationResult, StackStep } from '../../provider/engine/stack-operation';
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

/**
 * Five console edits at once, then one `preview --refresh`, one `up --refresh` and one more
 * `preview --refresh`: each edit must show as its own change and nothing else, and be undone.
 */
describe('drift made out of band', () => {
  let env: TelephonyStack;
  let ids: {
    numbers: Record<string, string>;
    connectors: Record<string, string>;
    groups: Record<string, string>;
    lists: Record<string, string>;
  };
  let releasedNumber: string | undefined;
  let created: StackOperationResult;
  let preview: StackOperationResult;
  let restored: StackOperationResult;
  let again: StackOperationResult;
  let replacing: StackOperationResult;

  const planned = (result: StackOperationResult) =>
    (result.steps ?? []).filter((s) => s.op !== 'refresh');
  const plannedFor = (resource: string) =>
    planned(preview)
      .filter((s) => name(s) === resource)
      .map((s) => ({ op: s.op, diffs: s.op === 'update' ? s.diffs : undefined }));
  const driftFor = (resource: string) =>
    driftOf(preview.steps)
      .filter((d) => d.resource === resource)
      .map((d) => ({ status: d.status, properties: d.properties.map((p) => p.name) }));

  beforeAll(async () => {
    env = await startTelephonyStack();
    created = await env.up(SPEC);
    expect(created.error).toBeUndefined();
    const outputs = created.outputs as Record<string, Record<string, string>>;
    ids = {
      numbers: outputs.numberIds ?? {},
      connectors: outputs.connectorIds ?? {},
      groups: outputs.groupIds ?? {},
      lists: outputs.listNames ?? {},
    };
    releasedNumber = (
      await env.client.call('DescribePhoneNumber', { id: ids.numbers.alerts ?? '' })
    ).phoneNumber;

    await env.outOfBand('UpdateVoiceConnectorGroup', {
      id: ids.groups.main,
      body: {
        connectors: [
          { voiceConnectorId: ids.connectors.east, priority: 5 },
          { voiceConnectorId: ids.connectors.west, priority: 2 },
        ],
      },
    });
    await env.outOfBand('UpdatePhoneNumber', {
      id: ids.numbers.support,
      body: { deletionProtectionEnabled: false },
    });
    await env.outOfBand('UpdateVoiceConnector', {
      id: ids.connectors.east,
      body: { requireEncryption: false },
    });
    await env.outOfBand('ReleasePhoneNumber', { id: ids.numbers.alerts });
    await env.outOfBand('DeleteOptOutList', { id: ids.lists.spare });

    preview = await env.preview(SPEC, { refresh: true });
    restored = await env.up(SPEC, { refresh: true });
    again = await env.preview(SPEC, { refresh: true });
    // A capability more replaces the number; a number without a productType is not given back.
    const alerts = SPEC.numbers?.alerts ?? {};
    replacing = await env.preview({
      ...SPEC,
      numbers: { ...SPEC.numbers, alerts: { ...alerts, numberCapabilities: ['SMS', 'MMS'] } },
    });
  });

  afterAll(async () => {
    await env.close();
  });

  it('the first up creates all four kinds, each after what it refers to', () => {
    expect(created.changes).toEqual({ create: 8 });
    const order = (created.steps ?? []).map(name);
    expect([...order].sort()).toEqual(
      ['alerts', 'east', 'main', 'marketing', 'spare', 'support', 'west'].sort(),
    );
    expect(order.indexOf('main')).toBeGreaterThan(order.indexOf('east'));
    expect(order.indexOf('main')).toBeGreaterThan(order.indexOf('west'));
    expect(order.indexOf('support')).toBeGreaterThan(order.indexOf('main'));
    expect(order.indexOf('alerts')).toBeGreaterThan(order.indexOf('marketing'));
  });

  it('preview --refresh plans the five edits and nothing else; after up nothing is left to do', () => {
    expect(preview.error).toBeUndefined();
    expect(restored.error).toBeUndefined();
    expect(again.error).toBeUndefined();
    expect(planned(preview).map(name).sort()).toEqual(
      ['alerts', 'east', 'main', 'spare', 'support'].sort(),
    );
    // What `numberplane drift` reports (its text, --json and --summary) comes from these steps.
    expect(
      driftOf(preview.steps)
        .map((d) => d.resource)
        .sort(),
    ).toEqual(['alerts', 'east', 'main', 'spare', 'support'].sort());
    expect(planned(again)).toEqual([]);
    expect(driftOf(again.steps)).toEqual([]);
  });

  it('a group priority changed in the console shows as that one change, and up restores it', async () => {
    expect(plannedFor('main')).toEqual([{ op: 'update', diffs: ['connectors'] }]);
    expect(driftFor('main')).toEqual([{ status: 'changed', properties: ['connectors'] }]);
    const group = await env.client.call('GetVoiceConnectorGroup', { id: ids.groups.main ?? '' });
    expect(group.connectors).toEqual([
      { voiceConnectorId: ids.connectors.east, priority: 1 },
      { voiceConnectorId: ids.connectors.west, priority: 2 },
    ]);
  });

  it('deletion protection turned off in the console shows as that one change, and up restores it', async () => {
    expect(plannedFor('support')).toEqual([{ op: 'update', diffs: ['deletionProtectionEnabled'] }]);
    expect(driftFor('support')).toEqual([
      { status: 'changed', properties: ['deletionProtectionEnabled'] },
    ]);
    const number = await env.client.call('DescribePhoneNumber', { id: ids.numbers.support ?? '' });
    expect(number.deletionProtectionEnabled).toBe(true);
  });

  it('connector encryption turned off in the console shows as that one change, and up restores it', async () => {
    expect(plannedFor('east')).toEqual([{ op: 'update', diffs: ['requireEncryption'] }]);
    expect(driftFor('east')).toEqual([{ status: 'changed', properties: ['requireEncryption'] }]);
    const connector = await env.client.call('GetVoiceConnector', { id: ids.connectors.east ?? '' });
    expect(connector.requireEncryption).toBe(true);
  });

  // Pinpoint 001 L280: "it isn't possible to get the same phone number back". A Chime
  // number comes back the same (component-programs.test.ts).
  it('a number without a productType released in the console reads as gone (drift lists it so), and up claims a new one in its place', async () => {
    expect(plannedFor('alerts')).toEqual([{ op: 'create', diffs: undefined }]);
    expect(driftFor('alerts')).toEqual([{ status: 'deleted', properties: [] }]);
    const outputs = restored.outputs as Record<string, Record<string, string>>;
    const replacement = outputs.numberIds?.alerts ?? '';
    expect(replacement).not.toBe(ids.numbers.alerts);
    const after = await env.client.call('DescribePhoneNumber', { id: replacement });
    expect(after).toMatchObject({ status: 'ACTIVE', optOutListName: ids.lists.marketing });
    expect(after.phoneNumber).not.toBe(releasedNumber);
    await expect(
      env.client.call('DescribePhoneNumber', { id: ids.numbers.alerts ?? '' }),
    ).rejects.toMatchObject({ code: 'ResourceNotFoundException' });
  });

  it('an opt-out list deleted in the console reads as gone (drift lists it so), and up makes it again', async () => {
    const spare = ids.lists.spare ?? '';
    expect(spare).toMatch(/^spare-[0-9a-f]{7}$/);
    expect(plannedFor('spare')).toEqual([{ op: 'create', diffs: undefined }]);
    expect(driftFor('spare')).toEqual([{ status: 'deleted', properties: [] }]);
    await expect(env.client.call('DescribeOptOutList', { id: spare })).resolves.toMatchObject({
      optOutListName: spare,
    });
  });

  it('the preview of a replace of a number without a productType says its number goes for good', async () => {
    expect(new Set(planned(replacing).map(name))).toEqual(new Set(['alerts']));
    expect(planned(replacing).map((s) => s.op)).toContain('replace');
    const number = await env.client.call('DescribePhoneNumber', {
      id: (restored.outputs as Record<string, Record<string, string>>).numberIds?.alerts ?? '',
    });
    expect(replacing.stdout).toContain(
      `numberplane: replacing phone number ${number.phoneNumber} (${number.phoneNumberId}) releases it for good`,
    );
  });
});

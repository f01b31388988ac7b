import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const spec = (groupName: string, eastPriority: number, westPriority: number): TelephonySpec => ({
  connectors: { east: { awsRegion: 'us-east-1' }, west: { awsRegion: 'us-west-2' } },
  groups: {
    main: {
      name: groupName,
      connectors: [
        { connector: 'east', priority: eastPriority },
        { connector: 'west', priority: westPriority },
      ],
    },
  },
  numbers: {
    line: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      group: 'main',
    },
  },
});

describe('updating a voice connector group', () => {
  let env: TelephonyStack;
  let groupId = '';
  let connectorIds: Record<string, string> = {};

  beforeAll(async () => {
    env = await startTelephonyStack();
    const up = await env.up(spec('main', 1, 2));
    expect(up.error).toBeUndefined();
    const outputs = up.outputs as {
      groupIds: Record<string, string>;
      connectorIds: Record<string, string>;
    };
    groupId = outputs.groupIds.main ?? '';
    connectorIds = outputs.connectorIds;
  });

  afterAll(async () => {
    await env.close();
  });

  it('a group of connectors not created yet with 4 of them, priority 0 or one priority twice fails at preview and creates nothing', async () => {
    const base = spec('main', 1, 2);
    const withNewGroup = (members: { connector: string; priority: number }[]): TelephonySpec => ({
      ...base,
      connectors: Object.fromEntries([
        ...Object.entries(base.connectors ?? {}),
        ...['a', 'b', 'c', 'd'].map((key) => [key, { awsRegion: 'us-east-1' }]),
      ]),
      groups: { ...base.groups, spare: { connectors: members } },
    });
    const four = await env.preview(
      withNewGroup(['a', 'b', 'c', 'd'].map((connector, i) => ({ connector, priority: i + 1 }))),
    );
    expect(four.ok).toBe(false);
    expect(four.error).toContain('a group holds at most 3 voice connectors; remove some');
    // One line per property, without the engine's Go-syntax dump of the value before it.
    expect(four.error).toContain("resource 'spare' has a problem: connectors");
    expect(four.error).not.toContain('property connectors value');
    const zero = await env.preview(
      withNewGroup([
        { connector: 'a', priority: 0 },
        { connector: 'b', priority: 1 },
      ]),
    );
    expect(zero.ok).toBe(false);
    expect(zero.error).toMatch(/connectors\.0\.priority/);
    const twice = await env.preview(
      withNewGroup([
        { connector: 'a', priority: 1 },
        { connector: 'b', priority: 1 },
      ]),
    );
    expect(twice.ok).toBe(false);
    expect(twice.error).toContain(
      'priority 1 is given to both connectors[0] (not created yet) and connectors[1] (not created yet)',
    );
    expect((await env.client.call('ListVoiceConnectors', {})).items).toHaveLength(2);
  });

  it('swapping two connectors’ priorities (1↔2) is one in-place update of the group', async () => {
    const up = await env.up(spec('main', 2, 1));
    expect(up.error).toBeUndefined();
    expect(up.steps?.map((s) => [s.op, s.urn.split('::').pop(), s.diffs])).toEqual([
      ['update', 'main', ['connectors']],
    ]);
    expect(up.changes).toMatchObject({ update: 1 });
    const group = await env.client.call('GetVoiceConnectorGroup', { id: groupId });
    expect(group.voiceConnectorGroupId).toBe(groupId);
    expect(group.connectors).toEqual([
      { voiceConnectorId: connectorIds.west, priority: 1 },
      { voiceConnectorId: connectorIds.east, priority: 2 },
    ]);
  });

  it('renaming a group updates its name in place and keeps its connectors and numbers', async () => {
    const before = await env.client.call('GetVoiceConnectorGroup', { id: groupId });
    const up = await env.up(spec('renamed', 2, 1));
    expect(up.error).toBeUndefined();
    expect(up.steps?.map((s) => [s.op, s.urn.split('::').pop(), s.diffs])).toEqual([
      ['update', 'main', ['name']],
    ]);
    const after = await env.client.call('GetVoiceConnectorGroup', { id: groupId });
    expect(after.name).toBe('renamed');
    expect(after.connectors).toEqual(before.connectors);
    const numbers = await env.client.call('ListPhoneNumbers', {});
    expect(numbers.items.map((n) => n.voiceConnectorGroupId)).toEqual([groupId]);
  });
});

import { startInventoryStack, type InventoryStack } from './support/inventory-stack';

const inventory = (
  agents: number,
  order: 'numbers-first' | 'connectors-first' = 'connectors-first',
): string => {
  const connectors = `voiceConnectors:
  east: { awsRegion: us-east-1 }
  west: { awsRegion: us-west-2 }
voiceConnectorGroups:
  main:
    connectors:
      - { voiceConnector: east, priority: 1 }
      - { voiceConnector: west, priority: 2 }
`;
  const numbers = `phoneNumbers:
  support:
    isoCountryCode: US
    numberType: SIMULATOR
    numberCapabilities: [VOICE]
    productType: VoiceConnector
    voiceConnectorGroup: main
    deletionProtectionEnabled: true
  agents:
    count: ${agents}
    isoCountryCode: US
    numberType: SIMULATOR
    numberCapabilities: [VOICE]
`;
  return order === 'connectors-first' ? connectors + numbers : numbers + connectors;
};

const planned = (steps: { op: string; urn: string }[] | undefined): string[] =>
  (steps ?? []).map((s) => `${s.op} ${s.urn.split('::').pop()}`).sort();

describe('changing an inventory', () => {
  let env: InventoryStack;

  beforeAll(async () => {
    env = await startInventoryStack();
    const up = await env.up(inventory(3));
    expect(up.error).toBeUndefined();
    expect(up.outputs).toMatchObject({
      routing: { main: ['east', 'west'] },
      protectedNumbers: ['support'],
    });
    expect(Object.keys((up.outputs as { numbers: object }).numbers).sort()).toEqual([
      'agents-1',
      'agents-2',
      'agents-3',
      'support',
    ]);
  });

  afterAll(async () => {
    await env.close();
  });

  it('growing a count from 3 to 5 creates exactly the two new numbers and touches none', async () => {
    const up = await env.up(inventory(5));
    expect(planned(up.steps)).toEqual(['create agents-4', 'create agents-5']);
    expect(up.changes).toEqual({ create: 2, read: 1, same: 8 });
  });

  it('shrinking a count from 5 to 2 deletes exactly the three highest', async () => {
    const up = await env.up(inventory(2));
    expect(planned(up.steps)).toEqual(['delete agents-3', 'delete agents-4', 'delete agents-5']);
    expect(
      (await env.client.call('ListPhoneNumbers', { filters: { status: ['ACTIVE'] } })).items,
    ).toHaveLength(3);
  });

  it('reordering the sections and renaming nothing plans no changes', async () => {
    const preview = await env.preview(inventory(2, 'numbers-first'), { expectNoChanges: true });
    expect(preview.error).toBeUndefined();
    expect(preview.steps).toEqual([]);
  });

  it('fails before any change when the file is broken, with FILE:LINE:COL messages and no stack trace', async () => {
    const broken = inventory(2).replace('awsRegion: us-west-2', 'awsRegion: us-west-9');
    const up = await env.up(broken);
    expect(up.ok).toBe(false);
    expect(up.error).toContain(
      'inventory.yaml:3:22 voiceConnectors.west.awsRegion: "us-west-9" is not allowed — use one of us-east-1',
    );
    expect(up.error).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(up.steps).toEqual([]);
  });

  it('refuses to drop a protected number from the file, and keeps it', async () => {
    const without = inventory(2).replace(
      / {2}support:[\s\S]*?deletionProtectionEnabled: true\n/,
      '',
    );
    const preview = await env.preview(without);
    expect(preview.ok).toBe(false);
    expect(preview.error).toContain(
      'phoneNumbers: protected number support was removed from the file — deletion protection keeps it',
    );
    const numbers = (await env.client.call('ListPhoneNumbers', {})).items;
    expect(numbers.filter((n) => n.deletionProtectionEnabled)).toHaveLength(1);
  });
});

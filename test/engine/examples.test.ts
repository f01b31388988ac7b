import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulatorStack, type SimulatorStack } from './simulator-stack';

/** Rewrites a file of the stack's copy of the example, as a user would edit theirs. */
function edit(env: SimulatorStack, file: string, change: (text: string) => string): void {
  const path = join(env.stack.projectDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('examples/failover-group', () => {
  let env: SimulatorStack;
  beforeAll(async () => {
    env = await startSimulatorStack('examples/failover-group');
  });
  afterAll(() => env.close());

  it('comes up, fails calls over past a Region in outage, and comes down once unprotected', async () => {
    const up = await env.run('up', {});
    expect(up.error).toBeUndefined();
    expect(up.outputs).toMatchObject({ routing: { hotline: ['virginia', 'oregon', 'london'] } });
    const hotline = (up.outputs as { numbers: Record<string, string> }).numbers.hotline ?? '';
    await env.admin.admin('StartOutage', { body: { awsRegion: 'us-east-1' } });
    await env.admin.admin('StartOutage', { body: { awsRegion: 'us-west-2' } });
    const route = await env.client.call('RouteCall', { body: { phoneNumber: hotline } });
    expect(route).toMatchObject({ routed: true, awsRegion: 'eu-west-2' });
    expect(route.attempts.map((a) => a.outcome)).toEqual([
      'region-outage',
      'region-outage',
      'answered',
    ]);

    expect((await env.run('destroy', {})).error).toMatch(
      /has deletion protection enabled and was not released/,
    );
    edit(env, 'inventory.yaml', (text) =>
      text.replace('deletionProtectionEnabled: true', 'deletionProtectionEnabled: false'),
    );
    expect((await env.run('up', {})).error).toBeUndefined();
    const down = await env.run('destroy', {});
    expect(down.error).toBeUndefined();
    expect((await env.client.call('ListVoiceConnectors', {})).items).toEqual([]);
  });
});

describe('examples/sms-10dlc', () => {
  let env: SimulatorStack;
  beforeAll(async () => {
    env = await startSimulatorStack('examples/sms-10dlc');
  });
  afterAll(() => env.close());

  it('comes up PENDING, becomes ACTIVE when registration clears, and comes down', async () => {
    await env.admin.admin('ChangeClock', { body: { action: 'freeze' } });
    const up = await env.run('up', {});
    expect(up.error).toBeUndefined();
    const numbers = (await env.client.call('ListPhoneNumbers', {})).items;
    expect(numbers.map((n) => [n.numberType, n.status, n.twoWayEnabled, n.optOutListName])).toEqual(
      [
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
      ],
    );
    await env.admin.admin('ChangeClock', { body: { action: 'advance', by: '2d' } });
    const active = await env.client.call('ListPhoneNumbers', { filters: { status: ['ACTIVE'] } });
    expect(active.items).toHaveLength(2);
    const down = await env.run('destroy', {});
    expect(down.error).toBeUndefined();
    expect(
      (await env.client.call('ListOptOutLists', {})).items.map((l) => l.optOutListName),
    ).toEqual(['Default']);
  });
});

describe('examples/typescript-program', () => {
  let env: SimulatorStack;
  beforeAll(async () => {
    env = await startSimulatorStack('examples/typescript-program');
  });
  afterAll(() => env.close());

  it('comes up from TypeScript; ignoreChanges keeps retagging from being drift; protect stops destroy', async () => {
    const up = await env.run('up', { 'typescript-program:agents': { value: '3' } });
    expect(up.error).toBeUndefined();
    expect((up.outputs as { agentNumbers: string[] }).agentNumbers).toHaveLength(3);

    const agent = (await env.client.call('ListPhoneNumbers', {})).items.find(
      (n) => n.tags.team === 'support',
    );
    await env.outOfBand('UpdatePhoneNumber', {
      id: agent?.phoneNumberId,
      body: { tags: { team: 'sales' } },
    });
    const preview = await env.run('preview', {}, { refresh: true });
    expect(preview.steps?.filter((s) => s.op !== 'refresh')).toEqual([]);

    const blocked = await env.run('destroy', {});
    expect(blocked.error).toMatch(/main-line.*protected/s);
    expect(
      (await env.run('up', { 'typescript-program:protectMainLine': { value: 'false' } })).error,
    ).toBeUndefined();
    expect((await env.run('destroy', {})).error).toBeUndefined();
    expect((await env.client.call('ListVoiceConnectorGroups', {})).items).toEqual([]);
  });
});

describe('examples/environments', () => {
  it('dev and prod come up from one inventory with their own counts, and come down', async () => {
    for (const [stackName, agents, notifications] of [
      ['dev', 2, 1],
      ['prod', 8, 3],
    ] as const) {
      const env = await startSimulatorStack('examples/environments', { stackName });
      try {
        const up = await env.run('up', {});
        expect(up.error).toBeUndefined();
        const names = Object.keys((up.outputs as { numbers: Record<string, string> }).numbers);
        expect(names.filter((n) => n.startsWith('agents-'))).toHaveLength(agents);
        expect(names.filter((n) => n.startsWith('notifications-'))).toHaveLength(notifications);
        expect((await env.client.call('ListPhoneNumbers', {})).items).toHaveLength(
          agents + notifications,
        );
        expect((await env.run('destroy', {})).error).toBeUndefined();
      } finally {
        await env.close();
      }
    }
  });
});

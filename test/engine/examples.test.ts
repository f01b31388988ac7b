import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { startHttpSimulator, type HttpSimulator } from './http-simulator';
import { copyCheckout, edit, liftProtection, openUserShell, type UserShell } from './user-shell';

/**
 * Every example, driven by the commands its README gives, typed in its directory of a
 * fresh clone's layout: the official language host runs the example's own program.
 */
const EXAMPLES = ['environments', 'failover-group', 'smoke', 'sms-10dlc', 'typescript-program'];

interface Example {
  shell: UserShell;
  sim: HttpSimulator;
  dir: string;
  /** `pulumi stack init NAME` and the connection to the test's simulator. */
  init(stack: string): Promise<void>;
  close(): Promise<void>;
}

async function openExample(name: string): Promise<Example> {
  const shell = openUserShell();
  const sim = await startHttpSimulator();
  const dir = join(copyCheckout(shell), 'examples', name);
  return {
    shell,
    sim,
    dir,
    async init(stack) {
      await shell.ok(dir, 'stack', 'init', stack);
      await shell.ok(dir, 'config', 'set', 'numberplane:endpoint', sim.endpoint);
      await shell.ok(dir, 'config', 'set', '--secret', 'numberplane:apiKey', sim.apiKey);
    },
    async close() {
      shell.cleanup();
      await sim.close();
    },
  };
}

const kinds = async (example: Example): Promise<string[]> =>
  (await example.shell.resources(example.dir)).map((r) => `${r.type} ${r.name}`).sort();

describe('the examples', () => {
  it('are exactly the projects under examples/, each with its own package.json', () => {
    const examples = join(findPackageRoot(), 'examples');
    const projects = readdirSync(examples).filter((name) =>
      existsSync(join(examples, name, 'Pulumi.yaml')),
    );
    expect(projects.sort()).toEqual(EXAMPLES);
    for (const project of projects) {
      expect(existsSync(join(examples, project, 'package.json'))).toBe(true);
    }
  });
});

describe('examples/failover-group', () => {
  let example: Example;
  beforeAll(async () => {
    example = await openExample('failover-group');
  });
  afterAll(() => example.close());

  it('comes up, fails calls over past a Region in outage, and comes down once unprotected', async () => {
    const { shell, sim, dir } = example;
    await example.init('dev');
    await shell.ok(dir, 'up', '--yes');
    expect(await kinds(example)).toEqual([
      'PhoneNumber hotline',
      'VoiceConnector london',
      'VoiceConnector oregon',
      'VoiceConnector virginia',
      'VoiceConnectorGroup hotline',
    ]);
    const outputs = (await shell.outputs(dir)) as {
      numbers: Record<string, string>;
      routing: Record<string, string[]>;
    };
    expect(outputs.routing).toEqual({ hotline: ['virginia', 'oregon', 'london'] });
    await shell.ok(dir, 'preview', '--expect-no-changes');

    await sim.admin.admin('StartOutage', { body: { awsRegion: 'us-east-1' } });
    await sim.admin.admin('StartOutage', { body: { awsRegion: 'us-west-2' } });
    const route = await sim.client.call('RouteCall', {
      body: { phoneNumber: outputs.numbers.hotline },
    });
    expect(route).toMatchObject({ routed: true, awsRegion: 'eu-west-2' });
    expect(route.attempts.map((a) => a.outcome)).toEqual([
      'region-outage',
      'region-outage',
      'answered',
    ]);

    const blocked = await shell.pulumi(dir, 'destroy', '--yes');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout).toMatch(/has deletion protection enabled and was not released/);
    expect((await sim.client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
    edit(join(dir, 'inventory.yaml'), liftProtection);
    await shell.ok(dir, 'up', '--yes');
    await shell.ok(dir, 'destroy', '--yes');
    expect(await kinds(example)).toEqual([]);
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toEqual([]);
  });
});

describe('examples/sms-10dlc', () => {
  let example: Example;
  beforeAll(async () => {
    example = await openExample('sms-10dlc');
  });
  afterAll(() => example.close());

  it('comes up PENDING, reads ACTIVE after refresh once registration clears, and comes down', async () => {
    const { shell, sim, dir } = example;
    await sim.admin.admin('ChangeClock', { body: { action: 'freeze' } });
    await example.init('dev');
    await shell.ok(dir, 'up', '--yes');
    const numbers = (await sim.client.call('ListPhoneNumbers', {})).items;
    expect(numbers.map((n) => [n.numberType, n.status, n.twoWayEnabled, n.optOutListName])).toEqual(
      [
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
      ],
    );
    const resources = await shell.resources(dir);
    expect(
      resources.map((r) => `${r.type} ${r.name} ${String(r.outputs.status ?? '')}`).sort(),
    ).toEqual([
      'OptOutList alerts-opt-outs ',
      'PhoneNumber alerts-1 PENDING',
      'PhoneNumber alerts-2 PENDING',
    ]);

    await sim.admin.admin('ChangeClock', { body: { action: 'advance', by: '2d' } });
    await shell.ok(dir, 'refresh', '--yes');
    const refreshed = await shell.resources(dir);
    expect(refreshed.filter((r) => r.outputs.status === 'ACTIVE')).toHaveLength(2);
    await shell.ok(dir, 'preview', '--expect-no-changes');

    await shell.ok(dir, 'destroy', '--yes');
    expect(await kinds(example)).toEqual([]);
    expect(
      (await sim.client.call('ListOptOutLists', {})).items.map((l) => l.optOutListName),
    ).toEqual(['Default']);
  });
});

describe('examples/typescript-program', () => {
  let example: Example;
  beforeAll(async () => {
    example = await openExample('typescript-program');
  });
  afterAll(() => example.close());

  it('comes up from TypeScript; ignoreChanges keeps retagging from being drift; protect stops destroy', async () => {
    const { shell, sim, dir } = example;
    await example.init('dev');
    await shell.ok(dir, 'config', 'set', 'agents', '3');
    await shell.ok(dir, 'up', '--yes');
    expect(await kinds(example)).toEqual([
      'OptOutList customer-opt-outs',
      'PhoneNumber agent-1',
      'PhoneNumber agent-2',
      'PhoneNumber agent-3',
      'PhoneNumber main-line',
      'VoiceConnector east',
      'VoiceConnector west',
      'VoiceConnectorGroup contact-center',
    ]);
    const outputs = (await shell.outputs(dir)) as { agentNumbers: string[]; mainNumber: string };
    const backend = (await sim.client.call('ListPhoneNumbers', {})).items;
    expect(backend.map((n) => n.phoneNumber).sort()).toEqual(
      [...outputs.agentNumbers, outputs.mainNumber].sort(),
    );

    const agent = backend.find((n) => n.tags.team === 'support');
    await sim.outOfBand('UpdatePhoneNumber', {
      id: agent?.phoneNumberId,
      body: { tags: { team: 'sales' } },
    });
    await shell.ok(dir, 'refresh', '--yes');
    await shell.ok(dir, 'preview', '--expect-no-changes');

    const blocked = await shell.pulumi(dir, 'destroy', '--yes');
    expect(blocked.code).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toMatch(/main-line.*protected/s);
    await shell.ok(dir, 'config', 'set', 'protectMainLine', 'false');
    await shell.ok(dir, 'up', '--yes');
    await shell.ok(dir, 'destroy', '--yes');
    expect(await kinds(example)).toEqual([]);
    expect((await sim.client.call('ListVoiceConnectorGroups', {})).items).toEqual([]);
  });
});

describe('examples/environments', () => {
  let example: Example;
  beforeAll(async () => {
    example = await openExample('environments');
  });
  afterAll(() => example.close());

  it('dev and prod come up from one inventory with their own counts, and come down', async () => {
    const { shell, sim, dir } = example;
    for (const [stack, agents, notifications] of [
      ['dev', 2, 1],
      ['prod', 8, 3],
    ] as const) {
      await example.init(stack);
      await shell.ok(dir, 'up', '--yes');
      const numbers = (await kinds(example)).filter((kind) => kind.startsWith('PhoneNumber'));
      expect(numbers.filter((n) => n.includes(' agents-'))).toHaveLength(agents);
      expect(numbers.filter((n) => n.includes(' notifications-'))).toHaveLength(notifications);
      await shell.ok(dir, 'preview', '--expect-no-changes');
      const held = (await sim.client.call('ListPhoneNumbers', {})).items.filter(
        (n) => n.status !== 'DELETION_QUEUED',
      );
      expect(held).toHaveLength(agents + notifications);
      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
    }
  });
});

describe('examples/smoke', () => {
  let example: Example;
  beforeAll(async () => {
    example = await openExample('smoke');
  });
  afterAll(() => example.close());

  it('takes its one trivial dynamic resource up and down', async () => {
    const { shell, dir } = example;
    await shell.ok(dir, 'stack', 'init', 'dev');
    await shell.ok(dir, 'up', '--yes');
    expect(await kinds(example)).toEqual(['Smoke hello']);
    expect(await shell.outputs(dir)).toEqual({
      smokeId: 'smoke-hello',
      createdBy: 'smoke-provider',
    });
    await shell.ok(dir, 'preview', '--expect-no-changes');
    await shell.ok(dir, 'destroy', '--yes');
    expect(await kinds(example)).toEqual([]);
  });
});

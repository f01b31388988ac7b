import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { FastifyInstance } from 'fastify';
import { HttpClient } from '../../provider/client/http-client';
import { deadPid } from '../support/dead-pid';
import { findPackageRoot } from '../../provider/engine/engine-location';
import type { CiResult } from '../../provider/ci/ci-result';
import { buildApp } from '../../provider/simulator/http/build-app';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

const root = findPackageRoot();
const schema = JSON.parse(
  readFileSync(join(root, 'schema', 'ci-result.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020({ strict: true });
const validate = ajv.compile(schema);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json?: CiResult;
}

describe('numberplane preview|up|destroy|drift', () => {
  let dir: string;
  let project: string;
  let simulator: Simulator;
  let app: FastifyInstance;
  let endpoint: string;
  let admin: HttpClient;
  let client: HttpClient;

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    PULUMI_CONFIG_PASSPHRASE: 'ci-passphrase',
    NUMBERPLANE_ENDPOINT: endpoint,
    NUMBERPLANE_API_KEY: DEFAULT_API_KEY,
  });

  /** Runs the CLI; with `onStderr`, lets the test act while it runs (e.g. press Ctrl-C). */
  function cli(
    args: string[],
    onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
    extraEnv: NodeJS.ProcessEnv = {},
  ): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'bin', 'numberplane.js'), ...args], {
        cwd: project,
        env: { ...env(), ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        onStderr?.(stderr, child);
      });
      child.on('error', reject);
      child.on('close', (code) => {
        const run: Run = { code, stdout, stderr };
        if (args.includes('--json') && stdout.trim().startsWith('{'))
          run.json = JSON.parse(stdout) as CiResult;
        resolve(run);
      });
    });
  }

  function expectValid(result: CiResult | undefined): CiResult {
    expect(result).toBeDefined();
    expect({ valid: validate(result), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
    return result as CiResult;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-ci-'));
    project = join(dir, 'project');
    cpSync(join(root, 'examples', 'failover-group'), project, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    app = buildApp({ simulator });
    endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
    admin = new HttpClient({ endpoint, adminKey: DEFAULT_ADMIN_KEY });
    client = new HttpClient({ endpoint, apiKey: DEFAULT_API_KEY });
  });

  afterAll(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('preview of a new stack exits 2 with --detailed-exitcode and plans the creates', async () => {
    const summary = join(dir, 'preview.md');
    const run = await cli([
      'preview',
      '--stack',
      'pr-1',
      '--detailed-exitcode',
      '--json',
      '--summary',
      summary,
    ]);
    expect(run.code).toBe(2);
    const result = expectValid(run.json);
    expect(result).toMatchObject({ command: 'preview', stack: 'pr-1', ok: true, exitCode: 2 });
    expect(result.steps.map((s) => `${s.op} ${s.resource}`).sort()).toEqual([
      'create hotline',
      'create hotline',
      'create london',
      'create oregon',
      'create virginia',
    ]);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('### ⚠️ numberplane preview — stack `pr-1`');
    expect(markdown).toContain('**6 to create**');
    expect(markdown).toContain('| create | `virginia` | VoiceConnector | — |');
  });

  it('up creates the stack and exits 0; a preview afterwards exits 0', async () => {
    const up = await cli(['up', '--stack', 'pr-1', '--json']);
    expect(up.code).toBe(0);
    const result = expectValid(up.json);
    expect(result).toMatchObject({ ok: true, exitCode: 0, changes: { create: 6 } });
    expect(result.outputs).toMatchObject({
      routing: { hotline: ['virginia', 'oregon', 'london'] },
    });
    expect(up.stderr).toMatch(/^create PhoneNumber hotline$/m);

    const preview = await cli(['preview', '--stack', 'pr-1', '--detailed-exitcode']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toBe('stack pr-1: no changes\n');
  });

  it('drift exits 0 when nothing drifted and 2 with each drifted property, declared against live, writing nothing', async () => {
    const clean = await cli(['drift', '--stack', 'pr-1', '--detailed-exitcode', '--json']);
    expect(clean.code).toBe(0);
    expect(expectValid(clean.json).drift).toEqual([]);

    const connectors = (await client.call('ListVoiceConnectors', {})).items;
    const london = connectors.find((c) => c.name === 'london');
    const number = (await client.call('ListPhoneNumbers', {})).items[0];
    const [group] = (await client.call('ListVoiceConnectorGroups', {})).items;
    await admin.admin('InvokeAs', {
      id: 'default',
      body: {
        operation: 'UpdateVoiceConnector',
        input: { id: london?.voiceConnectorId, body: { requireEncryption: false } },
      },
    });
    await admin.admin('InvokeAs', {
      id: 'default',
      body: {
        operation: 'UpdatePhoneNumber',
        // Unprotected and moved off its group onto one connector, in the console.
        input: {
          id: number?.phoneNumberId,
          body: { deletionProtectionEnabled: false, voiceConnectorId: london?.voiceConnectorId },
        },
      },
    });

    const summary = join(dir, 'drift.md');
    const drifted = await cli([
      'drift',
      '--stack',
      'pr-1',
      '--detailed-exitcode',
      '--json',
      '--summary',
      summary,
    ]);
    expect(drifted.code).toBe(2);
    const result = expectValid(drifted.json);
    expect(
      result.drift
        .map((d) => ({ resource: d.resource, status: d.status, properties: d.properties }))
        .sort((a, b) => a.resource.localeCompare(b.resource)),
    ).toEqual([
      {
        resource: 'hotline',
        status: 'changed',
        properties: [
          { name: 'deletionProtectionEnabled', declared: true, live: false },
          // Ids the stack knows are named as the program names them.
          {
            name: 'voiceConnectorGroupId',
            declared: group?.voiceConnectorGroupId,
            live: null,
            resources: { [String(group?.voiceConnectorGroupId)]: 'hotline' },
          },
          {
            name: 'voiceConnectorId',
            declared: null,
            live: london?.voiceConnectorId,
            resources: { [String(london?.voiceConnectorId)]: 'london' },
          },
        ],
      },
      {
        resource: 'london',
        status: 'changed',
        properties: [{ name: 'requireEncryption', declared: true, live: false }],
      },
    ]);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('**2 resources drifted** from what the stack last applied.');
    expect(markdown).toContain(
      '| `london` (VoiceConnector) | requireEncryption | `true` | `false` |',
    );
    expect(markdown).toContain(
      `| \`hotline\` (PhoneNumber) | voiceConnectorGroupId | \`${group?.voiceConnectorGroupId}\` (${group?.voiceConnectorGroupId} is hotline) | \`null\` |`,
    );
    // Plain `up` trusts the state, which still holds what drifted: the summary names the run that restores.
    expect(markdown).toContain('`numberplane up --refresh` would bring the stack back with:');

    // Drift reads without writing: a second run sees the same drift.
    const human = await cli(['drift', '--stack', 'pr-1']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('london.requireEncryption: declared true, live false');
    expect(human.stdout).toContain('hotline.deletionProtectionEnabled: declared true, live false');
    expect(human.stdout).toContain(
      `hotline.voiceConnectorId: declared null, live "${london?.voiceConnectorId}" (${london?.voiceConnectorId} is london)`,
    );

    const restore = await cli(['up', '--stack', 'pr-1', '--refresh']);
    expect(restore.code).toBe(0);
    expect((await cli(['drift', '--stack', 'pr-1', '--detailed-exitcode'])).code).toBe(0);
  });

  it('destroy blocked by deletion protection exits 1 and the summary names the number', async () => {
    const number = (await client.call('ListPhoneNumbers', {})).items[0];
    const summary = join(dir, 'destroy.md');
    const run = await cli(['destroy', '--stack', 'pr-1', '--json', '--summary', summary]);
    expect(run.code).toBe(1);
    const result = expectValid(run.json);
    expect(result.ok).toBe(false);
    expect(result.blockedByProtection).toEqual([
      {
        resource: 'hotline',
        phoneNumber: number?.phoneNumber,
        phoneNumberId: number?.phoneNumberId,
        reason: expect.stringContaining('set deletionProtectionEnabled: false on this resource'),
      },
    ]);
    expect(readFileSync(summary, 'utf8')).toContain(
      `- \`hotline\` ${number?.phoneNumber} (${number?.phoneNumberId}): phone number ${number?.phoneNumber}`,
    );
    expect(
      await client.call('DescribePhoneNumber', { id: number?.phoneNumberId ?? '' }),
    ).toMatchObject({ status: 'ACTIVE' });
    expect((await client.call('ListVoiceConnectors', {})).items).toHaveLength(3);
  });

  it('fails fast with exit 1 when another run holds the stack', async () => {
    const lock = join(project, '.numberplane', 'state', '.numberplane-locks', 'pr-1.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, since: '2026-11-23T00:00:00.000Z' }));
    try {
      const run = await cli(['up', '--stack', 'pr-1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `numberplane: stack pr-1 is in use by another numberplane run (pid ${process.pid}, since 2026-11-23T00:00:00.000Z); wait for it to finish, or delete ${lock} if that process is gone\n`,
      );
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('a run killed while it saved leaves the state unreadable; the next numberplane run repairs it and converges', async () => {
    // What SIGKILL inside the engine's save leaves (seen in the scale test): the state file
    // whole, the `.attrs` file beside it emptied, a temporary file never renamed.
    const stacks = join(project, '.numberplane', 'state', '.pulumi', 'stacks', 'failover-group');
    const state = readFileSync(join(stacks, 'pr-1.json'), 'utf8');
    writeFileSync(join(stacks, 'pr-1.json.attrs'), '');
    writeFileSync(join(stacks, 'pr-1.json.0123abcd.tmp'), state.slice(0, 100));

    const stuck = await cli(['preview', '--stack', 'pr-1']);
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toContain(
      `the state of stack pr-1 cannot be read: a run killed while it saved left ${join('.pulumi', 'stacks', 'failover-group', 'pr-1.json.attrs')} in the state directory empty or cut off. The state file itself is whole: delete that .attrs file, then run up --refresh`,
    );

    const lock = join(project, '.numberplane', 'state', '.numberplane-locks', 'pr-1.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), since: '2026-12-01T10:00:00.000Z' }));
    const up = await cli(['up', '--stack', 'pr-1', '--json']);
    expect(up.stderr).toContain(
      'did not finish; removed what it left half-written (.pulumi/stacks/failover-group/pr-1.json.0123abcd.tmp, .pulumi/stacks/failover-group/pr-1.json.attrs), refreshing from the backend first',
    );
    expect(up.code).toBe(0);
    expect(expectValid(up.json).changes).toEqual({ same: 6 });
    expect(readFileSync(join(stacks, 'pr-1.json'), 'utf8')).toContain('"hotline"');
    expect(existsSync(join(stacks, 'pr-1.json.0123abcd.tmp'))).toBe(false);
  });

  it('a broken inventory exits 1 with FILE:LINE:COL before the engine runs', async () => {
    writeFileSync(
      join(project, 'broken.yaml'),
      'voiceConnectors:\n  east: { awsRegion: nowhere-1 }\n',
    );
    const run = await cli([
      'preview',
      '--stack',
      'never',
      '--inventory',
      'broken.yaml',
      '--json',
      '--detailed-exitcode',
    ]);
    expect(run.code).toBe(1);
    expect(expectValid(run.json).error).toBe(
      'broken.yaml:2:22 voiceConnectors.east.awsRegion: "nowhere-1" is not allowed — use one of us-east-1, us-west-2, ca-central-1, eu-central-1, eu-west-1, eu-west-2, ap-northeast-2, ap-northeast-1, ap-southeast-1, ap-southeast-2',
    );
    expect(
      existsSync(
        join(project, '.numberplane', 'state', '.pulumi', 'stacks', 'failover-group', 'never.json'),
      ),
    ).toBe(false);
  });

  it('Ctrl-C cancels an up, exits 130, and leaves the stack usable', async () => {
    writeFileSync(
      join(project, 'many.yaml'),
      'phoneNumbers:\n  lines:\n    count: 8\n    isoCountryCode: US\n    numberType: SIMULATOR\n    numberCapabilities: [SMS]\n',
    );
    await admin.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'latency', latencyMs: 400, rate: 1 },
    });
    let sent = false;
    const run = await cli(
      ['up', '--stack', 'cancel-me', '--inventory', 'many.yaml', '--json'],
      (stderr, child) => {
        if (!sent && /create PhoneNumber lines-/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    );
    await admin.admin('ClearFaults');
    expect(run.code).toBe(130);
    expect(expectValid(run.json)).toMatchObject({ ok: false, exitCode: 130 });
    expect(run.stderr).toContain(
      'numberplane: cancelling; the engine finishes what is in flight and saves the state',
    );

    const again = await cli(['up', '--stack', 'cancel-me', '--inventory', 'many.yaml', '--json']);
    expect(again.code).toBe(0);
    const lines = (
      await client.call('ListPhoneNumbers', { page: { maxResults: 100 } })
    ).items.filter((n) => n.numberCapabilities.join() === 'SMS');
    expect(lines).toHaveLength(8);
    expect(Object.keys(expectValid(again.json).outputs?.numbers as object)).toHaveLength(8);
  });

  it('Ctrl-C during a wait for ACTIVE stops the wait, exits 130, and keeps the pending number in the stack', async () => {
    writeFileSync(
      join(project, 'toll-free.yaml'),
      'phoneNumbers:\n  hotline:\n    isoCountryCode: US\n    numberType: TOLL_FREE\n    numberCapabilities: [VOICE]\n',
    );
    // Three virtual days at 72x real time: an hour's wait, within the run's timeout of two.
    await admin.admin('ChangeClock', { body: { action: 'scale', scale: 72 } });
    let sent = false;
    const run = await cli(
      ['up', '--stack', 'waits', '--inventory', 'toll-free.yaml', '--json'],
      (stderr, child) => {
        if (!sent && stderr.includes('numberplane: waiting for phone number')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
      { NUMBERPLANE_ACTIVE_TIMEOUT: '7200' },
    );
    await admin.admin('ChangeClock', { body: { action: 'scale', scale: 1 } });
    expect(run.stderr).toMatch(
      /numberplane: waiting for phone number \+1\d{10} \(phone-\w+\) to become ACTIVE, expected at \S+ \(about \d+s from now at the simulator's clock at 72x real time; the wait ends after 7200s, NUMBERPLANE_ACTIVE_TIMEOUT\)/,
    );
    expect(run.code).toBe(130);
    expect(expectValid(run.json).error).toBe(
      'cancelled; the stack is usable: run the command again',
    );
    const [pending] = (
      await client.call('ListPhoneNumbers', { filters: { 'number-type': ['TOLL_FREE'] } })
    ).items;
    expect(pending?.status).toBe('PENDING');

    // The stack kept it: once the days pass, the next up takes the same number.
    await admin.admin('ChangeClock', { body: { action: 'advance', by: '3d' } });
    const again = await cli(['up', '--stack', 'waits', '--inventory', 'toll-free.yaml', '--json']);
    expect(again.code).toBe(0);
    expect(expectValid(again.json).outputs?.numbers).toEqual({ hotline: pending?.phoneNumber });
    expect(
      (await client.call('ListPhoneNumbers', { filters: { 'number-type': ['TOLL_FREE'] } })).items,
    ).toHaveLength(1);
  });

  it('destroy --remove, once protection is lifted, removes the stack and its config', async () => {
    writeFileSync(
      join(project, 'inventory.yaml'),
      readFileSync(join(project, 'inventory.yaml'), 'utf8').replace(
        'deletionProtectionEnabled: true',
        'deletionProtectionEnabled: false',
      ),
    );
    expect((await cli(['up', '--stack', 'pr-1'])).code).toBe(0);
    const run = await cli(['destroy', '--stack', 'pr-1', '--remove', '--json']);
    expect(run.code).toBe(0);
    expect(expectValid(run.json)).toMatchObject({ ok: true, changes: { delete: 6 } });
    expect(existsSync(join(project, 'Pulumi.pr-1.yaml'))).toBe(false);
    expect(
      existsSync(
        join(project, '.numberplane', 'state', '.pulumi', 'stacks', 'failover-group', 'pr-1.json'),
      ),
    ).toBe(false);
    expect((await client.call('ListVoiceConnectors', {})).items).toEqual([]);
  });
});

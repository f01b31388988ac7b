import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPackageRoot } from '../../provider/engine/engine-location';

const execFileAsync = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the numberplane CLI', () => {
  let dir: string;

  const cli = async (...args: string[]): Promise<CliResult> => {
    const bin = join(findPackageRoot(), 'bin', 'numberplane.js');
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [bin, ...args], {
        cwd: dir,
        env: { ...process.env, NUMBERPLANE_ENDPOINT: `file:${join(dir, 'sim.db')}` },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the engine (@pulumi/pulumi) only for the CI commands, not for admin commands', async () => {
    // A process as `numberplane numbers list` is: the entry module, then what it required.
    const main = join(findPackageRoot(), 'dist', 'provider', 'cli', 'main.js');
    const probe = `require(${JSON.stringify(main)});
      const loaded = Object.keys(require.cache).filter((path) => path.includes('@pulumi'));
      process.stdout.write(JSON.stringify(loaded));`;
    const { stdout } = await execFileAsync(process.execPath, ['-e', probe]);
    expect(JSON.parse(stdout)).toEqual([]);
    // The CI commands still find it when one runs.
    const run = await cli('preview', '--stack', 'dev', '--cwd', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `numberplane: no Pulumi.yaml in ${dir}; run from the project directory or pass --cwd DIR\n`,
    );
  });

  it('prints human tables by default and JSON with --json', async () => {
    const created = await cli('connectors', 'create', 'east', '--region', 'us-east-1', '--json');
    expect(created.code).toBe(0);
    const connector = JSON.parse(created.stdout) as { voiceConnectorId: string; awsRegion: string };
    expect(connector.awsRegion).toBe('us-east-1');

    const listed = await cli('connectors', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^VOICECONNECTORID\s+NAME\s+AWSREGION/);
    expect(listed.stdout).toContain(connector.voiceConnectorId);
  });

  it('fails with exit code 1 and one line naming the error, no stack', async () => {
    const result = await cli(
      'numbers',
      'create',
      '--country',
      'ZZ',
      '--type',
      'SIMULATOR',
      '--capabilities',
      'SMS',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'numberplane: ValidationException: isoCountryCode "ZZ" is not offered; use one of US, CA, GB, DE, FR, AU, JP\n',
    );
  });

  it('fails with one line on an unknown command or flag', async () => {
    const unknownCommand = await cli('teleport');
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.stderr).toMatch(
      /^numberplane: "teleport" is not a numberplane command; run numberplane help\n$/,
    );
    const unknownFlag = await cli('numbers', 'list', '--colour', 'blue');
    expect(unknownFlag.code).toBe(1);
    expect(unknownFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('moves the clock and shows due numbers activating', async () => {
    await cli('clock', 'freeze');
    const made = JSON.parse(
      (
        await cli(
          'numbers',
          'create',
          '--country',
          'US',
          '--type',
          'LONG_CODE',
          '--capabilities',
          'SMS',
          '--json',
        )
      ).stdout,
    ) as { phoneNumberId: string; status: string };
    expect(made.status).toBe('PENDING');
    const advanced = await cli('clock', 'advance', '2m', '--json');
    expect(JSON.parse(advanced.stdout)).toMatchObject({ mode: 'frozen', eventsRun: 1 });
    const after = JSON.parse(
      (await cli('numbers', 'get', made.phoneNumberId, '--json')).stdout,
    ) as { status: string };
    expect(after.status).toBe('ACTIVE');
  });

  it('routes a call past a region in outage', async () => {
    const east = JSON.parse(
      (await cli('connectors', 'create', 'east', '--region', 'us-east-1', '--json')).stdout,
    ) as { voiceConnectorId: string };
    const west = JSON.parse(
      (await cli('connectors', 'create', 'west', '--region', 'us-west-2', '--json')).stdout,
    ) as { voiceConnectorId: string };
    const group = JSON.parse(
      (
        await cli(
          'groups',
          'create',
          'main',
          '--connector',
          `${east.voiceConnectorId}:1`,
          '--connector',
          `${west.voiceConnectorId}:2`,
          '--json',
        )
      ).stdout,
    ) as { voiceConnectorGroupId: string };
    const number = JSON.parse(
      (
        await cli(
          'numbers',
          'create',
          '--country',
          'US',
          '--type',
          'SIMULATOR',
          '--capabilities',
          'VOICE',
          '--product-type',
          'VoiceConnector',
          '--group',
          group.voiceConnectorGroupId,
          '--json',
        )
      ).stdout,
    ) as { phoneNumber: string };
    await cli('faults', 'outage', 'start', 'us-east-1');
    const routed = await cli('route-call', number.phoneNumber);
    expect(routed.code).toBe(0);
    expect(routed.stdout.split('\n')[0]).toBe(`routed to ${west.voiceConnectorId} (us-west-2)`);
    expect(routed.stdout).toMatch(/1\s+\S+\s+us-east-1\s+region-outage/);
  });

  it('exports the state to a file and imports it back', async () => {
    await cli('opt-out-lists', 'create', 'marketing');
    const file = join(dir, 'state.json');
    expect((await cli('state', 'export', file)).stdout).toBe(`exported to ${file}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'numberplane-state' });
    await cli('state', 'reset');
    expect((await cli('opt-out-lists', 'list')).stdout).not.toContain('marketing');
    expect((await cli('state', 'import', file)).code).toBe(0);
    expect((await cli('opt-out-lists', 'list')).stdout).toContain('marketing');
  });

  it('makes an out-of-band edit as another account with --account', async () => {
    const made = JSON.parse(
      (
        await cli(
          'numbers',
          'create',
          '--country',
          'US',
          '--type',
          'SIMULATOR',
          '--capabilities',
          'SMS',
          '--deletion-protection',
          'true',
          '--json',
        )
      ).stdout,
    ) as { phoneNumberId: string };
    const edited = await cli(
      'numbers',
      'update',
      made.phoneNumberId,
      '--deletion-protection',
      'false',
      '--account',
      'default',
      '--json',
    );
    expect(JSON.parse(edited.stdout)).toMatchObject({ deletionProtectionEnabled: false });
  });
});

import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync, unlinkSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import {
  findPackageRoot,
  locateEngine,
  type EngineLocation,
} from '../../provider/engine/engine-location';
import { runPulumi, type PulumiCliResult } from '../../provider/engine/pulumi-cli';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { edit, liftProtection, openUserShell, type UserShell } from '../engine/support/user-shell';

/** The checkout that ran `npm run test:compat`, on the pinned toolchain (scripts/compat.mjs). */
interface Baseline {
  readonly root: string;
  readonly nodeBinDir: string;
  readonly nodeVersion: string;
  readonly engine: EngineLocation;
}

function readBaseline(): Baseline {
  const text = process.env.NUMBERPLANE_COMPAT_BASELINE;
  if (!text) {
    throw new Error(
      'NUMBERPLANE_COMPAT_BASELINE is not set: run this test with npm run test:compat',
    );
  }
  return JSON.parse(text) as Baseline;
}

/** One toolchain a user may have: Node.js, the pulumi CLI and its host, @pulumi/pulumi. */
interface Toolchain {
  /** The node_modules the project links to: @pulumi/pulumi and numberplane as installed. */
  readonly nodeModules: string;
  /** PATH with that CLI, that language host and that Node.js first. */
  readonly path: string;
}

function toolchain(engine: EngineLocation, nodeBinDir: string, nodeModules: string): Toolchain {
  const dirs = [engine.binDir, engine.languageHost.dir, nodeBinDir, process.env.PATH ?? ''];
  return { nodeModules, path: [...new Set(dirs)].join(delimiter) };
}

interface Deployment {
  manifest: { version: string };
  resources?: { type: string; id?: string; inputs?: { __provider?: string } }[];
}

/**
 * A stack made by the toolchain this repo pins (Node.js 20, pulumi and @pulumi/pulumi
 * 3.248.0) is carried on by the newest one (Node.js 22 or 24, pulumi and @pulumi/pulumi of
 * tools/compat/versions.json), then handed back: the same project directory, state
 * backend and embedded store; only node_modules and PATH change, as when a user upgrades.
 */
describe('a stack moves between the pinned and the newest toolchain', () => {
  const baseline = readBaseline();
  const pinned = toolchain(
    baseline.engine,
    baseline.nodeBinDir,
    join(baseline.root, 'node_modules'),
  );
  const newest = toolchain(
    locateEngine(),
    dirname(process.execPath),
    join(findPackageRoot(), 'node_modules'),
  );
  let shell: UserShell;
  let project: string;
  let backend: EmbeddedClient;

  beforeAll(() => {
    shell = openUserShell();
    project = join(shell.dir, 'hotline');
    cpSync(join(findPackageRoot(), 'examples', 'failover-group'), project, { recursive: true });
    backend = EmbeddedClient.open(`file:${join(project, '.numberplane', 'simulator.db')}`, {
      apiKey: DEFAULT_API_KEY,
      adminKey: DEFAULT_ADMIN_KEY,
    });
  });
  afterAll(async () => {
    await backend.close();
    shell.cleanup();
  });

  /** Points the project at a toolchain's node_modules, as `npm install` after an upgrade. */
  function use(chain: Toolchain): void {
    try {
      unlinkSync(join(project, 'node_modules'));
    } catch {
      // the first time there is none
    }
    symlinkSync(chain.nodeModules, join(project, 'node_modules'), 'dir');
  }

  async function pulumi(chain: Toolchain, ...args: string[]): Promise<PulumiCliResult> {
    const env = {
      PATH: chain.path,
      PULUMI_BACKEND_URL: shell.env.PULUMI_BACKEND_URL ?? '',
      PULUMI_HOME: shell.env.PULUMI_HOME ?? '',
      PULUMI_CONFIG_PASSPHRASE: shell.env.PULUMI_CONFIG_PASSPHRASE ?? '',
    };
    const result = await runPulumi(args, { cwd: project, env });
    if (result.code !== 0) {
      throw new Error(
        `\`${result.command}\` exited ${result.code}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result;
  }

  async function deployment(chain: Toolchain): Promise<Deployment> {
    const { stdout } = await pulumi(chain, 'stack', 'export');
    return (JSON.parse(stdout) as { deployment: Deployment }).deployment;
  }

  const numberplaneResources = (d: Deployment) =>
    (d.resources ?? []).filter((r) => r.type.startsWith('pulumi-nodejs:dynamic/numberplane:'));

  async function hotlinePriorities(): Promise<number[]> {
    const [group] = (await backend.call('ListVoiceConnectorGroups', {})).items;
    return (group?.connectors ?? []).map((connector) => connector.priority);
  }

  it('runs each side on its own Node.js and pulumi', async () => {
    const version = (chain: Toolchain, command: string, flag: string) =>
      execFileSync(command, [flag], {
        encoding: 'utf8',
        env: { PATH: chain.path, PULUMI_SKIP_UPDATE_CHECK: 'true' },
      }).trim();
    expect(version(pinned, 'node', '--version')).toBe(`v${baseline.nodeVersion}`);
    expect(version(newest, 'node', '--version')).toBe(process.version);
    expect(process.version).not.toBe(`v${baseline.nodeVersion}`);
    expect(version(pinned, 'pulumi', 'version')).toBe(`v${baseline.engine.version}`);
    expect(version(newest, 'pulumi', 'version')).toBe(`v${locateEngine().version}`);
    expect(locateEngine().version).not.toBe(baseline.engine.version);
  });

  it('is created by the pinned toolchain, then refreshed, previewed and updated by the newest, and back', async () => {
    use(pinned);
    await pulumi(pinned, 'stack', 'init', 'dev');
    await pulumi(pinned, 'up', '--yes');
    // The inventory program reads its own stack's last outputs through a StackReference, which
    // the first refresh after an up brings up to date; settle it on the pinned side so that
    // the newest side's refresh must find nothing at all to change.
    await pulumi(pinned, 'refresh', '--yes');
    const before = await deployment(pinned);
    expect(before.manifest.version).toBe(`v${baseline.engine.version}`);
    const created = numberplaneResources(before);
    expect(created.map((r) => r.type.split(':').pop()).sort()).toEqual([
      'PhoneNumber',
      'VoiceConnector',
      'VoiceConnector',
      'VoiceConnector',
      'VoiceConnectorGroup',
    ]);
    for (const resource of created) {
      expect(resource.inputs?.__provider).toMatch(/require\("numberplane\/dist\//);
    }
    const [number] = (await backend.call('ListPhoneNumbers', {})).items;
    expect(number).toMatchObject({ status: 'ACTIVE', deletionProtectionEnabled: true });
    expect(await hotlinePriorities()).toEqual([1, 2, 10]);

    // The newest toolchain loads the provider code the pinned one stored, and finds nothing to do.
    use(newest);
    await pulumi(newest, 'refresh', '--yes', '--expect-no-changes');
    await pulumi(newest, 'preview', '--expect-no-changes');
    edit(join(project, 'inventory.yaml'), (text) =>
      text.replace(
        '{ voiceConnector: london, priority: 10 }',
        '{ voiceConnector: london, priority: 3 }',
      ),
    );
    await pulumi(newest, 'up', '--yes');
    const after = await deployment(newest);
    expect(after.manifest.version).toBe(`v${locateEngine().version}`);
    // Nothing was replaced: the same ids, in whatever order the engine saved them.
    const ids = (d: Deployment) =>
      numberplaneResources(d)
        .map((r) => r.id)
        .sort();
    expect(ids(after)).toEqual(ids(before));
    const providers = (d: Deployment) => numberplaneResources(d).map((r) => r.inputs?.__provider);
    const same =
      JSON.stringify(providers(after).sort()) === JSON.stringify(providers(before).sort());
    process.stdout.write(
      `__provider text the same under both toolchains: ${same ? 'yes' : 'no'}\n`,
    );
    expect(await hotlinePriorities()).toEqual([1, 2, 3]);
    expect((await backend.call('ListPhoneNumbers', {})).items).toEqual([number]);

    // And back: the pinned toolchain reads what the newest wrote, updates and destroys it.
    use(pinned);
    await pulumi(pinned, 'preview', '--refresh', '--expect-no-changes');
    edit(join(project, 'inventory.yaml'), liftProtection);
    await pulumi(pinned, 'up', '--yes');
    const id = number?.phoneNumberId;
    expect(await backend.call('DescribePhoneNumber', { id })).toMatchObject({
      status: 'ACTIVE',
      deletionProtectionEnabled: false,
    });
    await pulumi(pinned, 'destroy', '--yes');
    expect(numberplaneResources(await deployment(pinned))).toEqual([]);
    expect((await backend.call('DescribePhoneNumber', { id })).status).toBe('DELETION_QUEUED');
    expect((await backend.call('ListVoiceConnectors', {})).items).toEqual([]);
  });
});

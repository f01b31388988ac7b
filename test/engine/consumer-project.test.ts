import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { edit, liftProtection, openUserShell, type UserShell } from './support/user-shell';

const root = findPackageRoot();

/** Runs a command as a user's shell would, failing with its output unless it exits 0. */
function sh(cwd: string, command: string, args: string[], env = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** A block of the README's "Using the resources" (`ts`: the program, `json`: tsconfig.json), as written. */
function readmeBlock(language: 'ts' | 'json'): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Using the resources'));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1])
    throw new Error(`README.md has no \`\`\`${language} block under "Using the resources"`);
  return match[1];
}

/** Versions a user would install, pinned to what this repo tests with (from its lock file). */
function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json`);
  return entry.version;
}

/**
 * A folder holding the better-sqlite3 binary this checkout's install built, packed as its
 * installer's prebuilds are named (for this Node.js ABI, platform and architecture). With
 * the npm config variable `better_sqlite3_local_prebuilds` at that folder, the package's
 * install script (prebuild-install, its documented `<package>_local_prebuilds` setting)
 * takes the matching prebuild instead of compiling SQLite again, a minute here; on another
 * ABI or libc nothing matches and it compiles as before. (scripts/sqlite-prebuilds.mjs does
 * the same for setup with a folder in the numberplane cache; the test keeps to its own.)
 */
async function betterSqlitePrebuild(dir: string): Promise<string> {
  const packageDir = join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const prebuilds = join(dir, 'prebuilds');
  mkdirSync(prebuilds);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await sh(packageDir, 'tar', ['-czf', join(prebuilds, name), 'build/Release/better_sqlite3.node']);
  return prebuilds;
}

/**
 * A project of a user's own, outside this repo: numberplane installed by npm from the
 * tarball `npm pack` makes, the README's tsconfig.json and TypeScript program as index.ts
 * (transpiled and type-checked by the language host with TypeScript 6), the embedded
 * simulator, and the commands the README gives.
 */
describe('a consumer project that installs the packed package', () => {
  let shell: UserShell;
  let project: string;

  beforeAll(async () => {
    shell = openUserShell();
    project = join(shell.dir, 'telephony');
    mkdirSync(project);
    // --ignore-scripts: prepack would compile dist/ again while other test files run from it;
    // `npm run build` made it already, and prepack makes the same from a fresh clone.
    await sh(root, 'npm', [
      'pack',
      '--silent',
      '--ignore-scripts',
      '--pack-destination',
      shell.dir,
    ]);
    const tarball = readdirSync(shell.dir).find((name) => name.endsWith('.tgz'));
    writeFileSync(join(project, 'Pulumi.yaml'), 'name: telephony\nruntime: nodejs\n');
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'telephony', private: true, main: 'index.ts' }, null, 2),
    );
    writeFileSync(join(project, 'tsconfig.json'), readmeBlock('json'));
    writeFileSync(join(project, 'index.ts'), readmeBlock('ts'));
    const prebuilds = {
      npm_config_better_sqlite3_local_prebuilds: await betterSqlitePrebuild(shell.dir),
    };
    const installed = await sh(
      project,
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(shell.dir, tarball ?? 'numberplane.tgz'),
        `@pulumi/pulumi@${lockedVersion('@pulumi/pulumi')}`,
      ],
      { ...process.env, ...prebuilds },
    );
    // The repo's own `overrides` never reach a consumer: what it installs must suit this Node.js.
    expect(installed).not.toMatch(/EBADENGINE|Unsupported engine/);
    await sh(project, 'npm', [
      'install',
      '--save-dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      // As the README says: TypeScript 6, what npm gives beside @pulumi/pulumi (whose
      // loader takes TypeScript below 7), and which refuses tsconfigs TypeScript 5 took.
      'typescript@6',
      `@types/node@${lockedVersion('@types/node')}`,
    ]);
  }, 600_000);
  afterAll(() => shell.cleanup());

  it('carries the provider plugin: pulumi package get-schema runs it from node_modules', async () => {
    const printed = await shell.ok(
      project,
      'package',
      'get-schema',
      './node_modules/numberplane/bin/pulumi-resource-numberplane',
    );
    expect(JSON.parse(printed.stdout)).toEqual(
      JSON.parse(readFileSync(join(root, 'schema', 'pulumi-package.json'), 'utf8')),
    );
  });

  it('comes up from the README program, plans nothing more, and comes down once unprotected', async () => {
    await shell.ok(project, 'stack', 'init', 'dev');
    // The README's quick start: let the simulator's days pass in seconds.
    await sh(project, 'npx', ['numberplane', 'clock', 'scale', '100000']);
    const up = await shell.ok(project, 'up', '--yes');
    expect(up.stdout).toMatch(/\+ 6 created/);

    const resources = await shell.resources(project);
    expect(resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'OptOutList marketing',
      'PhoneNumber support',
      'VoiceConnector east',
      'VoiceConnector west',
      'VoiceConnectorGroup main',
    ]);
    // Each resource stores its provider as a require() of the installed package.
    expect(resources[0]?.outputs.__provider).toMatch(/require\("numberplane\/dist\//);
    const backend = EmbeddedClient.open(`file:${join(project, '.numberplane', 'simulator.db')}`, {
      apiKey: DEFAULT_API_KEY,
      adminKey: DEFAULT_ADMIN_KEY,
    });
    try {
      const [support] = (await backend.call('ListPhoneNumbers', {})).items;
      expect(support).toMatchObject({
        numberType: 'TOLL_FREE',
        status: 'ACTIVE',
        deletionProtectionEnabled: true,
        phoneNumberId: resources.find((r) => r.name === 'support')?.id,
      });
      expect(await shell.outputs(project)).toEqual({ supportNumber: support?.phoneNumber });

      await shell.ok(project, 'preview', '--expect-no-changes');
      // The CI commands of the installed package drive the same stack with the pulumi on PATH.
      const drift = await sh(
        project,
        'npx',
        ['numberplane', 'drift', '--stack', 'dev', '--detailed-exitcode'],
        shell.env,
      );
      expect(drift).toContain('stack dev: no drift\n');
      const blocked = await shell.pulumi(project, 'destroy', '--yes');
      expect(blocked.code).not.toBe(0);
      expect(blocked.stdout).toContain(
        `phone number ${support?.phoneNumber} (${support?.phoneNumberId}) has deletion protection enabled and was not released`,
      );
      expect(blocked.stdout).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);

      edit(join(project, 'index.ts'), liftProtection);
      await shell.ok(project, 'up', '--yes');
      await shell.ok(project, 'destroy', '--yes');
      expect(await shell.resources(project)).toEqual([]);
      expect(
        (await backend.call('DescribePhoneNumber', { id: support?.phoneNumberId })).status,
      ).toBe('DELETION_QUEUED');
      expect((await backend.call('ListVoiceConnectors', {})).items).toEqual([]);
    } finally {
      await backend.close();
    }
  });
});

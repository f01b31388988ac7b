import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  engineEnvironment,
  findPackageRoot,
  locateEngine,
} from '../../../provider/engine/engine-location';
import { runPulumi, type PulumiCliResult } from '../../../provider/engine/pulumi-cli';

/** One resource of a stack, as `pulumi stack export` shows it. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  /** The resource's name (the last part of its URN). */
  readonly name: string;
  readonly id?: string;
  readonly outputs: Record<string, unknown>;
}

/**
 * A shell as a user has one: `pulumi` (with the official language host beside it) on PATH,
 * and a file state backend, PULUMI_HOME and passphrase of its own in a temp dir.
 */
export interface UserShell {
  /** The temp dir everything of this shell lives in. */
  readonly dir: string;
  /** Directory of the file state backend. */
  readonly stateDir: string;
  /** The shell's environment: PATH with pulumi and its language host, the backend settings. */
  readonly env: Record<string, string>;
  /** Runs `pulumi ARGS` in `cwd`, whatever its exit code. */
  pulumi(cwd: string, ...args: string[]): Promise<PulumiCliResult>;
  /** Runs `pulumi ARGS` in `cwd` and fails with its output unless it exits 0. */
  ok(cwd: string, ...args: string[]): Promise<PulumiCliResult>;
  /** The numberplane resources of the selected stack (`pulumi stack export`), dynamic or plugin. */
  resources(cwd: string): Promise<StateResource[]>;
  /** The selected stack's outputs (`pulumi stack output --json`). */
  outputs(cwd: string): Promise<Record<string, unknown>>;
  /** Removes every file the shell made. */
  cleanup(): void;
}

/** numberplane's types: the dynamic resources' and the plugin's (`numberplane:index:PhoneNumber`). */
const NUMBERPLANE_TYPE = /^(?:pulumi-nodejs:dynamic\/numberplane|numberplane:index):/;

export function openUserShell(): UserShell {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-shell-'));
  const stateDir = join(dir, 'state');
  mkdirSync(stateDir);
  mkdirSync(join(dir, 'pulumi-home'));
  const settings = {
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_HOME: join(dir, 'pulumi-home'),
    PULUMI_CONFIG_PASSPHRASE: randomBytes(12).toString('hex'),
  };
  const pulumi = (cwd: string, ...args: string[]) => runPulumi(args, { cwd, env: settings });
  const ok = async (cwd: string, ...args: string[]) => {
    const result = await pulumi(cwd, ...args);
    if (result.code !== 0) {
      throw new Error(
        `\`${result.command}\` exited ${result.code}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result;
  };
  return {
    dir,
    stateDir,
    env: { ...engineEnvironment(locateEngine()), ...settings },
    pulumi,
    ok,
    async resources(cwd) {
      const { stdout } = await ok(cwd, 'stack', 'export');
      const { deployment } = JSON.parse(stdout) as {
        deployment: { resources?: Omit<StateResource, 'name'>[] };
      };
      return (deployment.resources ?? [])
        .filter((resource) => NUMBERPLANE_TYPE.test(resource.type))
        .map((resource) => ({
          ...resource,
          type: resource.type.split(':').pop() ?? resource.type,
          name: resource.urn.split('::').pop() ?? resource.urn,
          outputs: resource.outputs ?? {},
        }));
    },
    async outputs(cwd) {
      const { stdout } = await ok(cwd, 'stack', 'output', '--json');
      return JSON.parse(stdout) as Record<string, unknown>;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A copy of this checkout's Pulumi projects as a fresh clone lays them out after
 * `npm run build`: the root package.json, Pulumi.yaml and program, every example, and
 * node_modules and dist linked from the repo. The Node.js runtime picks each project's
 * program by walking up to the nearest package.json, so the layout around a project
 * matters as much as the project.
 */
export function copyCheckout(shell: UserShell): string {
  const root = findPackageRoot();
  const checkout = join(shell.dir, 'checkout');
  mkdirSync(checkout);
  for (const entry of ['package.json', 'Pulumi.yaml', 'index.js', 'examples', 'schema']) {
    cpSync(join(root, entry), join(checkout, entry), {
      recursive: true,
      // A developer's own runs leave stores and stack files; a fresh clone has none.
      filter: (source) => !/\/\.numberplane$|\/Pulumi\.(?!dev\.|prod\.)[^/]+\.yaml$/.test(source),
    });
  }
  for (const entry of ['node_modules', 'dist']) {
    symlinkSync(join(root, entry), join(checkout, entry), 'dir');
  }
  return checkout;
}

/** Rewrites a file of a project, as a user edits theirs. */
export function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Turns a declared `deletionProtectionEnabled: true` off: the step before a destroy. */
export const liftProtection = (text: string): string =>
  text.replace('deletionProtectionEnabled: true', 'deletionProtectionEnabled: false');

/** What `npm install numberplane` leaves in a project: numberplane, and its plugin, under node_modules. */
export function installNumberplane(dir: string): void {
  symlinkSync(join(findPackageRoot(), 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/** `pulumi stack init STACK` in `dir`, connected to a simulator as the README says (the key secret). */
export async function initStack(
  shell: UserShell,
  dir: string,
  stack: string,
  backend: { endpoint: string; apiKey: string },
): Promise<void> {
  await shell.ok(dir, 'stack', 'init', stack);
  await shell.ok(dir, 'config', 'set', 'numberplane:endpoint', backend.endpoint);
  await shell.ok(dir, 'config', 'set', '--secret', 'numberplane:apiKey', backend.apiKey);
}

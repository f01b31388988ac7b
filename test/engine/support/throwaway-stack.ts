import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { findPackageRoot } from '../../../provider/engine/engine-location';
import {
  runStackOperation,
  type StackOperationRequest,
  type StackOperationResult,
} from '../../../provider/engine/stack-operation';

type OperationOptions = Omit<
  StackOperationRequest,
  'projectDir' | 'stackName' | 'stateDir' | 'pulumiHome' | 'passphrase' | 'operation'
>;

/** A stack that lives in a temp dir of its own: file state backend, passphrase secrets. */
export interface ThrowawayStack {
  readonly stackName: string;
  /** Copy of the project the stack runs; Pulumi.<stack>.yaml lands here. */
  readonly projectDir: string;
  /** Directory of the file state backend. */
  readonly stateDir: string;
  up(options?: OperationOptions): Promise<StackOperationResult>;
  preview(options?: OperationOptions): Promise<StackOperationResult>;
  refresh(options?: OperationOptions): Promise<StackOperationResult>;
  destroy(options?: OperationOptions): Promise<StackOperationResult>;
  exportDeployment(): Promise<StackOperationResult>;
  /** Removes every file the stack made. */
  cleanup(): void;
}

/**
 * How the project finds numberplane. `installed` (the default): its node_modules links to
 * the repo's, where `npm run build` installs the package as npm would for a user.
 * `linked`: node_modules/numberplane is a symlink to the repo, as after `npm link`.
 */
export type PackageLayout = 'installed' | 'linked';

export interface ThrowawayStackOptions {
  stackName?: string;
  packageLayout?: PackageLayout;
}

/**
 * Makes a throwaway stack of the project in `projectDir` (relative to the repo root).
 * The project is copied into a temp dir with a node_modules of the given layout, so the
 * engine, the program and the dynamic-provider plugin resolve packages as a user's would.
 */
export function createThrowawayStack(
  projectDir: string,
  options: ThrowawayStackOptions = {},
): ThrowawayStack {
  const root = findPackageRoot();
  const base = mkdtempSync(join(tmpdir(), 'numberplane-stack-'));
  const copy = join(base, 'project');
  cpSync(resolve(root, projectDir), copy, { recursive: true });
  if (options.packageLayout === 'linked') {
    mkdirSync(join(copy, 'node_modules'));
    symlinkSync(
      join(root, 'node_modules', '@pulumi'),
      join(copy, 'node_modules', '@pulumi'),
      'dir',
    );
    symlinkSync(root, join(copy, 'node_modules', 'numberplane'), 'dir');
  } else {
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  }
  const stackName = options.stackName ?? `t${randomBytes(4).toString('hex')}`;
  const common = {
    projectDir: copy,
    stackName,
    stateDir: join(base, 'state'),
    pulumiHome: join(base, 'pulumi-home'),
    passphrase: randomBytes(12).toString('hex'),
  };
  mkdirSync(common.stateDir);
  mkdirSync(common.pulumiHome);
  const run = (operation: StackOperationRequest['operation'], options: OperationOptions = {}) =>
    runStackOperation({ ...common, ...options, operation });
  return {
    stackName,
    projectDir: copy,
    stateDir: common.stateDir,
    up: (options) => run('up', options),
    preview: (options) => run('preview', options),
    refresh: (options) => run('refresh', options),
    destroy: (options) => run('destroy', options),
    exportDeployment: () => run('export'),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

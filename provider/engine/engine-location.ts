import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Where scripts/setup.mjs found or built the Pulumi CLI. */
export interface EngineLocation {
  /** Directory holding `pulumi` and `pulumi-resource-pulumi-nodejs`. */
  readonly binDir: string;
  /** The CLI's version without the leading `v`, e.g. `3.248.0`. */
  readonly version: string;
  /** `path` when a pulumi already on PATH was good enough, `cache` when we built it. */
  readonly source: 'path' | 'cache';
  /** The official Node.js language host that `pulumi up` starts to run a program. */
  readonly languageHost: LanguageHostLocation;
}

/** Where setup found or built `pulumi-language-nodejs`, and from what. */
export interface LanguageHostLocation {
  readonly dir: string;
  readonly version: string;
  /** `path`, `go-module` or `third-party-source`. */
  readonly source: string;
}

/** Raised when the engine has not been set up; says how to set it up. */
export class EngineNotSetUpError extends Error {
  readonly brand = 'numberplane.EngineNotSetUpError';
  static isInstance(value: unknown): value is EngineNotSetUpError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === 'numberplane.EngineNotSetUpError'
    );
  }
}

/** Reads the pointer that scripts/setup.mjs writes into node_modules. */
export function locateEngine(root: string = findPackageRoot()): EngineLocation {
  const pointer = join(root, 'node_modules', '.numberplane-engine.json');
  if (!existsSync(pointer)) {
    throw new EngineNotSetUpError(
      `the Pulumi engine is not set up (${pointer} is missing); run \`node scripts/setup.mjs\` or \`npm test\` first`,
    );
  }
  const parsed = JSON.parse(readFileSync(pointer, 'utf8')) as Partial<EngineLocation>;
  const host = parsed.languageHost;
  if (
    typeof parsed.binDir !== 'string' ||
    !existsSync(join(parsed.binDir, 'pulumi')) ||
    typeof host?.dir !== 'string' ||
    !existsSync(join(host.dir, 'pulumi-language-nodejs'))
  ) {
    throw new EngineNotSetUpError(
      `the Pulumi engine or language host recorded in ${pointer} is gone; run \`node scripts/setup.mjs\` again`,
    );
  }
  return {
    binDir: parsed.binDir,
    version: String(parsed.version),
    source: parsed.source === 'path' ? 'path' : 'cache',
    languageHost: { dir: host.dir, version: String(host.version), source: String(host.source) },
  };
}

/**
 * Environment for any process that runs the engine: our CLI and language host first on
 * PATH, and no telemetry, update checks or plugin downloads (this software never needs the
 * network).
 */
export function engineEnvironment(
  location: EngineLocation,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined) env[key] = value;
  }
  const dirs = [...new Set([location.binDir, location.languageHost.dir])];
  env.PATH = [...dirs, base.PATH ?? ''].filter(Boolean).join(delimiter);
  env.PULUMI_SKIP_UPDATE_CHECK = 'true';
  env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION = 'true';
  return env;
}

/** The nearest directory above this file whose package.json names numberplane. */
export function findPackageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === 'numberplane') return dir;
    }
    if (dirname(dir) === dir) {
      throw new EngineNotSetUpError(`no numberplane package.json above ${from}`);
    }
  }
}

import { execFileSync } from 'node:child_process';
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
  /** The Pulumi YAML language host (`pulumi-language-yaml`), for YAML programs; set up by a checkout's setup. */
  readonly yamlHost?: LanguageHostLocation;
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

const HOST = 'pulumi-language-nodejs';

function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => path !== name && existsSync(path));
}

/**
 * An official Pulumi install on PATH, as a user of the npm package has it: `pulumi` and its
 * language host (beside it, or elsewhere on PATH).
 */
function engineOnPath(): EngineLocation | undefined {
  const pulumi = onPath('pulumi');
  if (!pulumi) return undefined;
  const binDir = dirname(pulumi);
  const host = existsSync(join(binDir, HOST)) ? join(binDir, HOST) : onPath(HOST);
  if (!host) return undefined;
  const version = (binary: string, flag: string): string =>
    execFileSync(binary, [flag], {
      encoding: 'utf8',
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: 'true' },
    })
      .trim()
      .replace(/^v/, '');
  return {
    binDir,
    version: version(pulumi, 'version'),
    source: 'path',
    languageHost: { dir: dirname(host), version: version(host, '-version'), source: 'path' },
  };
}

/**
 * Reads the pointer that scripts/setup.mjs writes into node_modules; where there is none
 * (numberplane installed from npm), an official Pulumi install on PATH.
 */
export function locateEngine(root: string = findPackageRoot()): EngineLocation {
  const pointer = join(root, 'node_modules', '.numberplane-engine.json');
  if (!existsSync(pointer)) {
    const installed = engineOnPath();
    if (installed) return installed;
    throw new EngineNotSetUpError(
      `no Pulumi CLI found: put pulumi and ${HOST} on PATH (an official Pulumi install ships both), or in a numberplane checkout run \`node scripts/setup.mjs\``,
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
    ...(typeof parsed.yamlHost?.dir === 'string'
      ? {
          yamlHost: {
            dir: parsed.yamlHost.dir,
            version: String(parsed.yamlHost.version),
            source: String(parsed.yamlHost.source),
          },
        }
      : {}),
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
  const dirs = [
    ...new Set([location.binDir, location.languageHost.dir, location.yamlHost?.dir ?? '']),
  ].filter(Boolean);
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

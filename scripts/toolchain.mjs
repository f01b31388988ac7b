// The Pulumi toolchain pieces both setup (the pinned engine) and the compatibility run
// (the newest engine, scripts/compat.mjs) need: finding binaries and versions, building
// the CLI from a Go tools module, and providing the official Node.js language host.
// Plain Node.js on purpose: it runs before node_modules.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HOST = 'pulumi-language-nodejs';
const HOST_MODULE = 'github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3';
/**
 * The host's module has no tags: it can only be required at a pseudo-version of the
 * release commit (commit time and hash of tag v3.248.0, as the proxy reports sdk/v3's).
 */
const HOST_PSEUDO_VERSIONS = { '3.248.0': 'v3.0.0-20260624120734-a88168d865b7' };

let logPrefix = 'setup';

/** Names the script in front of every line it logs (`setup: …`, `compat: …`). */
export function logAs(name) {
  logPrefix = name;
}

export function log(message) {
  process.stderr.write(`${logPrefix}: ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`${logPrefix}: error: ${message}\n`);
  process.exit(1);
}

export function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

export function versionOf(binary, args = ['version']) {
  try {
    const out = execFileSync(binary, args, {
      encoding: 'utf8',
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: 'true' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const match = /^v?(\d+\.\d+\.\d+)/.exec(out.trim());
    return match ? match[1] : undefined;
  } catch {
    return undefined;
  }
}

export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function cacheRoot() {
  if (process.env.NUMBERPLANE_CACHE_DIR) return resolve(process.env.NUMBERPLANE_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'numberplane');
}

const PUT_PULUMI = (version) =>
  `put pulumi v${version} or newer (with ${HOST} beside it, as official installs ship it) on PATH`;

/** The Go toolchain; without one, fails saying what needed it (`need`) and what else serves (`instead`). */
function goToolchain(need, instead) {
  const go =
    findOnPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    fail(`${need}, and there is no Go toolchain to build it.
  Install Go 1.26 or newer (https://go.dev/dl/)${instead ? `, or ${instead}` : ''}.`);
  }
  return go;
}

/** The environment of every go build here: this Go, no cgo, the committed go.sum trusted. */
function goBuildEnvironment(goFlags) {
  return {
    ...process.env,
    GOFLAGS: `${goFlags} -buildvcs=false`,
    // go.sum pins every module; the checksum database does not know these versions.
    GONOSUMDB: 'github.com/pulumi',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
}

/** How we build both binaries: release flags, the version stamped in. */
function goBuild(go, { cwd, version, output, target, goFlags }) {
  const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;
  return spawnSync(
    go,
    [
      'build',
      '-trimpath',
      '-tags',
      'osusergo,grpcnotrace',
      '-ldflags',
      ldflags,
      '-o',
      output,
      target,
    ],
    {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: goBuildEnvironment(goFlags),
    },
  );
}

/**
 * Builds the CLI from the Go tools module in engineDir (tools/engine, or tools/compat/engine)
 * into binDir; the Go build cache makes reruns cheap.
 */
export function buildCli(version, engineDir, binDir) {
  const go = goToolchain(`no pulumi >= v${version} on PATH`, PUT_PULUMI(version));
  log(`building pulumi v${version} from Go modules into ${binDir} (first run takes minutes)`);
  mkdirSync(binDir, { recursive: true });
  const tmpOut = join(binDir, `pulumi.tmp-${process.pid}`);
  const result = goBuild(go, {
    cwd: engineDir,
    version,
    output: tmpOut,
    target: 'github.com/pulumi/pulumi/pkg/v3/cmd/pulumi',
    goFlags: '-mod=readonly',
  });
  if (result.status !== 0) fail('go build of the pulumi CLI failed; see the output above.');
  renameSync(tmpOut, join(binDir, 'pulumi'));
}

/**
 * Tries the host's Go module at the release commit's pseudo-version, in a scratch module
 * seeded with our go.sum. Proxies that refuse it answer in about a second.
 */
function buildHostFromModule(go, version, hostToolsDir, output) {
  const pseudo = HOST_PSEUDO_VERSIONS[version];
  if (!pseudo) return `no pseudo-version of ${HOST_MODULE} is known for v${version}`;
  const scratch = mkdtempSync(join(tmpdir(), 'numberplane-host-module-'));
  try {
    writeFileSync(join(scratch, 'go.mod'), 'module numberplane/language-host-module\n\ngo 1.26\n');
    copyFileSync(join(hostToolsDir, 'go.sum'), join(scratch, 'go.sum'));
    const env = {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GONOSUMDB: 'github.com/pulumi',
      GOTOOLCHAIN: 'local',
    };
    const get = spawnSync(go, ['get', `${HOST_MODULE}@${pseudo}`], {
      cwd: scratch,
      env,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (get.status !== 0) {
      const lines = (get.stderr ?? '').trim().split('\n');
      const reason =
        lines
          .slice(-2)
          .map((line) => line.trim())
          .join(' ') || `exit ${get.status}`;
      return `${HOST_MODULE}@${pseudo}: ${reason}`;
    }
    log(`building ${HOST} v${version} from Go module ${HOST_MODULE}@${pseudo}`);
    const built = goBuild(go, {
      cwd: scratch,
      version,
      output,
      target: HOST_MODULE,
      goFlags: '-mod=mod',
    });
    return built.status === 0 ? undefined : `go build of ${HOST_MODULE}@${pseudo} failed`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Why `goModDir`/go.mod does not pin github.com/pulumi/pulumi/pkg/v3 at `version`; undefined when it does. */
export function pinProblem(goModDir, version) {
  const goMod = readFileSync(join(goModDir, 'go.mod'), 'utf8');
  return goMod.includes(`github.com/pulumi/pulumi/pkg/v3 v${version}`)
    ? undefined
    : `${goModDir}/go.mod does not pin github.com/pulumi/pulumi/pkg/v3 v${version}`;
}

/** Where the host's upstream source is kept: ../shared/third_party beside the checkout. */
function hostSourceDir(version) {
  return process.env.NUMBERPLANE_LANGUAGE_HOST_SOURCE
    ? resolve(process.env.NUMBERPLANE_LANGUAGE_HOST_SOURCE)
    : resolve(root, '..', 'shared', 'third_party', `${HOST}-v${version}`);
}

/** Builds the unchanged upstream source with our committed go.mod and go.sum. */
function buildHostFromSource(go, version, hostToolsDir, output) {
  const source = hostSourceDir(version);
  if (!existsSync(join(source, 'main.go'))) {
    return `no upstream source at ${source} (set NUMBERPLANE_LANGUAGE_HOST_SOURCE to a copy of pulumi/pulumi's sdk/nodejs/cmd/${HOST} at v${version})`;
  }
  const unpinned = pinProblem(hostToolsDir, version);
  if (unpinned) return unpinned;
  const scratch = mkdtempSync(join(tmpdir(), 'numberplane-host-source-'));
  try {
    for (const file of readdirSync(source).filter((name) => name.endsWith('.go'))) {
      copyFileSync(join(source, file), join(scratch, file));
    }
    copyFileSync(join(hostToolsDir, 'go.mod'), join(scratch, 'go.mod'));
    copyFileSync(join(hostToolsDir, 'go.sum'), join(scratch, 'go.sum'));
    log(`building ${HOST} v${version} from its upstream source in ${source}`);
    const built = goBuild(go, {
      cwd: scratch,
      version,
      output,
      target: '.',
      goFlags: '-mod=readonly',
    });
    return built.status === 0 ? undefined : `go build of ${source} failed; see the output above`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The official language host, beside the CLI: one on PATH (or beside a pulumi found on
 * PATH) at the pinned version or newer; else the cached build; else a build from the Go
 * module; else a build from the upstream source. Returns its directory and where it came from.
 */
export function ensureLanguageHost(version, hostToolsDir, cliDir, cacheBinDir) {
  const hostVersion = (path) => versionOf(path, ['-version']);
  const candidates = [join(cliDir, HOST), findOnPath(HOST)].filter(
    (path) => path && dirname(path) !== cacheBinDir && existsSync(path),
  );
  for (const candidate of candidates) {
    const found = hostVersion(candidate);
    if (found && compareVersions(found, version) >= 0) {
      return { dir: dirname(candidate), version: found, source: 'path' };
    }
  }
  const cached = join(cacheBinDir, HOST);
  const stamp = join(cacheBinDir, `${HOST}.source`);
  if (hostVersion(cached) === version && existsSync(stamp)) {
    return { dir: cacheBinDir, version, source: readFileSync(stamp, 'utf8').trim(), cached: true };
  }
  const go = goToolchain(`no ${HOST} >= v${version} on PATH`, PUT_PULUMI(version));
  mkdirSync(cacheBinDir, { recursive: true });
  const tmpOut = join(cacheBinDir, `${HOST}.tmp-${process.pid}`);
  const refusals = [];
  for (const [source, build] of [
    ['go-module', buildHostFromModule],
    ['third-party-source', buildHostFromSource],
  ]) {
    const refusal = build(go, version, hostToolsDir, tmpOut);
    if (refusal === undefined && hostVersion(tmpOut) === version) {
      renameSync(tmpOut, cached);
      writeFileSync(stamp, `${source}\n`);
      return { dir: cacheBinDir, version, source };
    }
    refusals.push(`${source}: ${refusal ?? `the built host does not report v${version}`}`);
    if (source === 'go-module') log(`${HOST} from Go modules: not available (${refusal})`);
  }
  rmSync(tmpOut, { force: true });
  fail(`could not provide ${HOST} v${version}:\n  ${refusals.join('\n  ')}`);
}

/**
 * The engine finds the dynamic-provider plugin on PATH or beside the real path of the
 * `pulumi` binary; we keep a copy of the script that @pulumi/pulumi ships beside our CLI.
 */
export function installDynamicProviderPlugin(sdkRoot, binDir) {
  const source = join(
    sdkRoot,
    'node_modules',
    '@pulumi',
    'pulumi',
    'pulumi-resource-pulumi-nodejs',
  );
  const target = join(binDir, 'pulumi-resource-pulumi-nodejs');
  copyFileSync(source, target);
  chmodSync(target, 0o755);
}

export const YAML_HOST = 'pulumi-language-yaml';
const YAML_HOST_MODULE = 'github.com/pulumi/pulumi-yaml';

/**
 * The Pulumi YAML language host, which `pulumi up` starts to run a Pulumi YAML program (the
 * provider plugin's example and tests): one on PATH (official installs ship it), else the
 * cached build, else a build of the version tools/yaml-host/go.mod pins (about a minute).
 */
export function ensureYamlHost(yamlToolsDir, cacheRoot) {
  const goMod = readFileSync(join(yamlToolsDir, 'go.mod'), 'utf8');
  const pinned = new RegExp(`${YAML_HOST_MODULE} v(\\d+\\.\\d+\\.\\d+)`).exec(goMod)?.[1];
  if (!pinned) fail(`${yamlToolsDir}/go.mod does not pin ${YAML_HOST_MODULE}`);
  const onPath = findOnPath(YAML_HOST);
  // An official install's: its version is the install's (no flag prints it).
  if (onPath) return { dir: dirname(onPath), version: 'of the install', source: 'path' };
  const binDir = join(cacheRoot, `${YAML_HOST}-v${pinned}`);
  const stamp = join(binDir, `${YAML_HOST}.version`);
  if (existsSync(join(binDir, YAML_HOST)) && existsSync(stamp)) {
    if (readFileSync(stamp, 'utf8').trim() === pinned) {
      return { dir: binDir, version: pinned, source: 'go-module', cached: true };
    }
  }
  const go = goToolchain(
    `no ${YAML_HOST} on PATH`,
    `put the ${YAML_HOST} an official Pulumi install ships on PATH`,
  );
  mkdirSync(binDir, { recursive: true });
  const tmpOut = join(binDir, `${YAML_HOST}.tmp-${process.pid}`);
  log(`building ${YAML_HOST} v${pinned} from Go module ${YAML_HOST_MODULE} (about a minute)`);
  const result = spawnSync(
    go,
    [
      'build',
      '-trimpath',
      '-ldflags',
      `-s -w -X ${YAML_HOST_MODULE}/pkg/version.Version=v${pinned}`,
      '-o',
      tmpOut,
      `${YAML_HOST_MODULE}/cmd/${YAML_HOST}`,
    ],
    {
      cwd: yamlToolsDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: goBuildEnvironment('-mod=readonly'),
    },
  );
  if (result.status !== 0)
    fail(`go build of ${YAML_HOST} v${pinned} failed; see the output above.`);
  renameSync(tmpOut, join(binDir, YAML_HOST));
  writeFileSync(stamp, `${pinned}\n`);
  return { dir: binDir, version: pinned, source: 'go-module' };
}

/**
 * tools/sdk-gen built into the cache, keyed by its sources (the Go build cache makes a
 * rebuild cheap; the first build compiles Pulumi's code generators, about half a minute).
 */
export function ensureSdkGen(sdkGenDir, cacheRoot) {
  const digest = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum'])
    digest.update(readFileSync(join(sdkGenDir, file)));
  const binary = join(cacheRoot, `sdk-gen-${digest.digest('hex').slice(0, 16)}`, 'sdk-gen');
  if (existsSync(binary)) return binary;
  const go = goToolchain('tools/sdk-gen generates the SDKs');
  mkdirSync(dirname(binary), { recursive: true });
  log('building tools/sdk-gen (Pulumi’s Python and Go code generators)');
  const tmpOut = `${binary}.tmp-${process.pid}`;
  const result = spawnSync(go, ['build', '-trimpath', '-o', tmpOut, '.'], {
    cwd: sdkGenDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: goBuildEnvironment('-mod=readonly'),
  });
  if (result.status !== 0) fail('go build of tools/sdk-gen failed; see the output above.');
  renameSync(tmpOut, binary);
  return binary;
}

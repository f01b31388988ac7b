#!/usr/bin/env node
// Installs what numberplane needs, idempotently, so that `npm test` and `npm run demo`
// work from a fresh clone: node modules (when package-lock.json changed since the last
// install) and the Pulumi engine (a `pulumi` on PATH when its version is good enough,
// else a build from the pinned Go tools module into a cache outside the repo, keyed by
// version). It ends by writing node_modules/.numberplane-engine.json, which the engine
// helpers read to find the CLI. Plain Node.js on purpose: it runs before node_modules.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, 'tools', 'engine');
const pointerFile = join(root, 'node_modules', '.numberplane-engine.json');
const installStamp = join(root, 'node_modules', '.numberplane-install-stamp');

function log(message) {
  process.stderr.write(`setup: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`setup: error: ${message}\n`);
  process.exit(1);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Runs `npm install` only when package-lock.json differs from what was last installed.
 * Not `npm ci`: npm 11 rejects this lock file's platform-specific optional packages
 * (it reports them missing), while `npm install` installs exactly the locked versions.
 */
function ensureNodeModules() {
  const lockHash = sha256(join(root, 'package-lock.json'));
  if (existsSync(installStamp) && readFileSync(installStamp, 'utf8').trim() === lockHash) {
    return;
  }
  log('installing node modules (npm install)');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) fail('npm install failed; see the output above.');
  writeFileSync(installStamp, `${sha256(join(root, 'package-lock.json'))}\n`);
}

/** The Pulumi version we pin: the @pulumi/pulumi dev dependency. */
function pinnedVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.['@pulumi/pulumi'];
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) {
    fail(`package.json devDependencies["@pulumi/pulumi"] must be an exact version, got ${version}`);
  }
  const goMod = readFileSync(join(toolsDir, 'go.mod'), 'utf8');
  if (!goMod.includes(`github.com/pulumi/pulumi/pkg/v3 v${version}`)) {
    fail(`tools/engine/go.mod does not pin github.com/pulumi/pulumi/pkg/v3 v${version}; run
  (cd tools/engine && go get -tool github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v${version})`);
  }
  return version;
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

function versionOf(pulumiPath) {
  try {
    const out = execFileSync(pulumiPath, ['version'], {
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

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function cacheRoot() {
  if (process.env.NUMBERPLANE_CACHE_DIR) return resolve(process.env.NUMBERPLANE_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'numberplane');
}

/** Builds the CLI from tools/engine into binDir; the Go build cache makes reruns cheap. */
function buildCli(version, binDir) {
  const go =
    findOnPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    fail(`no pulumi >= v${version} on PATH and no Go toolchain to build one.
  Install Go 1.25 or newer (https://go.dev/dl/), or put pulumi v${version} or newer on PATH.`);
  }
  log(`building pulumi v${version} from Go modules into ${binDir} (first run takes minutes)`);
  mkdirSync(binDir, { recursive: true });
  const tmpOut = join(binDir, `pulumi.tmp-${process.pid}`);
  const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;
  const result = spawnSync(
    go,
    [
      'build',
      '-trimpath',
      '-tags',
      'osusergo,grpcnotrace',
      '-ldflags',
      ldflags,
      '-o',
      tmpOut,
      'github.com/pulumi/pulumi/pkg/v3/cmd/pulumi',
    ],
    {
      cwd: toolsDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        // go.sum pins every module; the checksum database does not know these versions.
        GOFLAGS: '-mod=readonly -buildvcs=false',
        GONOSUMDB: 'github.com/pulumi',
        GOTOOLCHAIN: 'local',
        CGO_ENABLED: '0',
      },
    },
  );
  if (result.status !== 0) fail('go build of the pulumi CLI failed; see the output above.');
  renameSync(tmpOut, join(binDir, 'pulumi'));
}

/**
 * The engine finds the dynamic-provider plugin on PATH or beside the real path of the
 * `pulumi` binary; we keep a copy of the script that @pulumi/pulumi ships beside our CLI.
 */
function installDynamicProviderPlugin(binDir) {
  const source = join(root, 'node_modules', '@pulumi', 'pulumi', 'pulumi-resource-pulumi-nodejs');
  const target = join(binDir, 'pulumi-resource-pulumi-nodejs');
  copyFileSync(source, target);
  chmodSync(target, 0o755);
}

function ensureEngine() {
  const version = pinnedVersion();
  const onPath = findOnPath('pulumi');
  const pathVersion = onPath ? versionOf(onPath) : undefined;
  let binDir;
  let source;
  if (pathVersion && compareVersions(pathVersion, version) >= 0) {
    binDir = dirname(onPath);
    source = 'path';
  } else {
    binDir = join(cacheRoot(), `pulumi-v${version}`, 'bin');
    const cached = join(binDir, 'pulumi');
    if (versionOf(cached) !== version) buildCli(version, binDir);
    if (versionOf(cached) !== version) fail(`${cached} does not report version v${version}`);
    installDynamicProviderPlugin(binDir);
    source = 'cache';
  }
  writeFileSync(pointerFile, `${JSON.stringify({ binDir, version, source }, null, 2)}\n`);
  log(`pulumi v${versionOf(join(binDir, 'pulumi'))} (${source}) at ${binDir}`);
}

ensureNodeModules();
ensureEngine();

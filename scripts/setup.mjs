#!/usr/bin/env node
// Installs what numberplane needs, idempotently, so that `npm test` and `npm run demo`
// work from a fresh clone: node modules (when package-lock.json changed since the last
// install), the Pulumi engine (a `pulumi` on PATH when its version is good enough, else a
// build from the pinned Go tools module into a cache outside the repo, keyed by version)
// and the official Node.js language host, `pulumi-language-nodejs`, that `pulumi up`
// starts to run a Node.js program (on PATH, else the cache, else built from Go modules,
// else built from its upstream source in ../shared/third_party), and the Pulumi YAML
// language host that YAML programs need (on PATH, else cached, else built from the Go
// module tools/yaml-host pins). It ends by writing
// node_modules/.numberplane-engine.json, which the engine helpers read to find both, and
// finds the AWS CLI and boto3 the AWS-dialect tests drive (scripts/aws-tools.mjs).
// Plain Node.js on purpose: it runs before node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HOST,
  buildCli,
  cacheRoot,
  compareVersions,
  ensureLanguageHost,
  ensureYamlHost,
  fail,
  findOnPath,
  installDynamicProviderPlugin,
  log,
  pinProblem,
  sha256,
  versionOf,
  YAML_HOST,
} from './toolchain.mjs';
import { keepSqlitePrebuild, prebuildInstallEnv } from './sqlite-prebuilds.mjs';
import { ensureAwsTools } from './aws-tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, 'tools', 'engine');
const hostToolsDir = join(root, 'tools', 'language-host');
const yamlToolsDir = join(root, 'tools', 'yaml-host');
const pointerFile = join(root, 'node_modules', '.numberplane-engine.json');
const installStamp = join(root, 'node_modules', '.numberplane-install-stamp');

/**
 * Runs `npm install` only when package-lock.json differs from what was last installed;
 * better-sqlite3 comes from the cache's prebuild when one was kept for this Node.js ABI.
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
    env: { ...process.env, ...prebuildInstallEnv() },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) fail('npm install failed; see the output above.');
  keepSqlitePrebuild(root, process.execPath);
  writeFileSync(installStamp, `${sha256(join(root, 'package-lock.json'))}\n`);
}

/** The Pulumi version we pin: the @pulumi/pulumi dev dependency. */
function pinnedVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.['@pulumi/pulumi'];
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) {
    fail(`package.json devDependencies["@pulumi/pulumi"] must be an exact version, got ${version}`);
  }
  const unpinned = pinProblem(toolsDir, version);
  if (unpinned) {
    fail(`${unpinned}; run
  (cd tools/engine && go get -tool github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v${version})`);
  }
  return version;
}

function ensureEngine() {
  const version = pinnedVersion();
  const cacheBinDir = join(cacheRoot(), `pulumi-v${version}`, 'bin');
  const onPath = findOnPath('pulumi');
  const pathVersion = onPath ? versionOf(onPath) : undefined;
  let binDir;
  let source;
  if (pathVersion && compareVersions(pathVersion, version) >= 0) {
    binDir = dirname(onPath);
    source = 'path';
  } else {
    binDir = cacheBinDir;
    const cached = join(binDir, 'pulumi');
    if (versionOf(cached) !== version) buildCli(version, toolsDir, binDir);
    if (versionOf(cached) !== version) fail(`${cached} does not report version v${version}`);
    installDynamicProviderPlugin(root, binDir);
    source = 'cache';
  }
  const languageHost = ensureLanguageHost(version, hostToolsDir, binDir, cacheBinDir);
  const yamlHost = ensureYamlHost(yamlToolsDir, cacheRoot());
  const pointer = { binDir, version, source, languageHost, yamlHost };
  writeFileSync(pointerFile, `${JSON.stringify(pointer, null, 2)}\n`);
  log(`pulumi v${versionOf(join(binDir, 'pulumi'))} (${source}) at ${binDir}`);
  const how = `${languageHost.source}${languageHost.cached ? ', cached' : ''}`;
  log(`${HOST} v${languageHost.version} (${how}) at ${languageHost.dir}`);
  log(
    `${YAML_HOST} ${/^\d/.test(yamlHost.version) ? 'v' : ''}${yamlHost.version} (${yamlHost.source}${yamlHost.cached ? ', cached' : ''}) at ${yamlHost.dir}`,
  );
  const dirs = [...new Set([binDir, languageHost.dir, yamlHost.dir])].join(':');
  log(`to type pulumi commands in this shell: export PATH="${dirs}:$PATH"`);
}

ensureNodeModules();
ensureEngine();
ensureAwsTools(join(root, 'node_modules', '.numberplane-aws-tools.json'));

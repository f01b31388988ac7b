#!/usr/bin/env node
// `npm run test:compat`: the engine tests on the newest Pulumi the Go module proxy serves
// and on newer Node.js, as most users run them. tools/compat/versions.json names the
// versions. For each Node.js version it:
//   1. installs that Node.js from the npm registry (package node-<platform>-<arch>) into
//      the numberplane cache, beside the engines;
//   2. builds the newest `pulumi` CLI from tools/compat/engine and the newest language host
//      whose source is at hand from tools/compat/language-host, as setup builds the pinned
//      ones (cached by version);
//   3. copies this checkout's files into .compat/node-<version>/ and installs its node
//      modules there under that Node.js, with @pulumi/pulumi at the newest version (native
//      modules compiled for that Node.js);
//   4. runs there, under that Node.js, with the newest CLI on PATH, the engine tests that
//      prove different things (versions.json `tests`: the engine, the provider's state, the
//      root project, one example) and test/compat (upgrades between the pinned and the
//      newest toolchains, both ways); `npm run test:compat -- --all` every engine test.
// Run `npm run setup && npm run build` first (the test:compat script does): the upgrade
// test drives this checkout's pinned toolchain as the "before" side.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildCli,
  cacheRoot,
  ensureLanguageHost,
  fail,
  installDynamicProviderPlugin,
  log,
  logAs,
  pinProblem,
  sha256,
  versionOf,
} from './toolchain.mjs';
import { keepSqlitePrebuild, prebuildInstallEnv } from './sqlite-prebuilds.mjs';

logAs('compat');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const compatTools = join(root, 'tools', 'compat');
const versions = JSON.parse(readFileSync(join(compatTools, 'versions.json'), 'utf8'));
const SDK = '@pulumi/pulumi';

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result.status ?? 1;
}

function requirePinned(goModDir, version) {
  const unpinned = pinProblem(goModDir, version);
  if (unpinned) fail(`${unpinned}, the version tools/compat/versions.json names; make them agree.`);
}

/** The newest CLI and the language host beside it, built into the cache once per version. */
function ensureNewestEngine() {
  const { pulumi, languageHost } = versions;
  requirePinned(join(compatTools, 'engine'), pulumi);
  requirePinned(join(compatTools, 'language-host'), languageHost);
  const binDir = join(cacheRoot(), `pulumi-v${pulumi}`, 'bin');
  if (versionOf(join(binDir, 'pulumi')) !== pulumi) {
    buildCli(pulumi, join(compatTools, 'engine'), binDir);
  }
  if (versionOf(join(binDir, 'pulumi')) !== pulumi) fail(`${binDir}/pulumi is not v${pulumi}`);
  const host = ensureLanguageHost(languageHost, join(compatTools, 'language-host'), binDir, binDir);
  return { binDir, version: pulumi, source: 'cache', languageHost: host };
}

/** Node.js `version` from the npm registry's node-<platform>-<arch> package, cached. */
function ensureNode(version) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheRoot(), `node-v${version}`);
  const home = join(prefix, 'node_modules', pkg);
  const node = join(home, 'bin', 'node');
  if (versionOf(node, ['--version']) !== version) {
    log(`installing Node.js v${version} (npm package ${pkg}@${version}) into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    const status = run('npm', [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `${pkg}@${version}`,
    ]);
    if (status !== 0 || versionOf(node, ['--version']) !== version) {
      fail(`could not install Node.js v${version} from the npm package ${pkg}@${version}`);
    }
  }
  return { version, home, binDir: dirname(node) };
}

/** The files of this checkout as git sees them: committed, changed or new, never ignored. */
function checkoutFiles() {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (listed.status !== 0) {
    fail('git ls-files failed: test:compat copies the files of a git checkout');
  }
  return listed.stdout.split('\0').filter((path) => path && existsSync(join(root, path)));
}

/**
 * .compat/node-<version>/: this checkout's files, with @pulumi/pulumi at the newest version
 * and node modules installed under that Node.js (again only when the inputs changed).
 */
function prepareWorkspace(node, engine) {
  const workspace = join(root, '.compat', `node-${node.version}`);
  mkdirSync(workspace, { recursive: true });
  for (const entry of readdirSync(workspace)) {
    if (entry !== 'node_modules') rmSync(join(workspace, entry), { recursive: true, force: true });
  }
  for (const path of checkoutFiles()) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    cpSync(join(root, path), join(workspace, path));
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  manifest.devDependencies[SDK] = versions.sdk;
  writeFileSync(join(workspace, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const env = nodeEnvironment(node);
  const stamp = join(workspace, 'node_modules', '.numberplane-compat-stamp');
  const savedLock = join(workspace, 'node_modules', '.numberplane-compat-lock.json');
  const inputs = [
    sha256(join(workspace, 'package.json')),
    sha256(join(root, 'package-lock.json')),
    node.version,
  ].join(' ');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputs && existsSync(savedLock)) {
    cpSync(savedLock, join(workspace, 'package-lock.json'));
  } else {
    log(
      `installing node modules in ${workspace} under Node.js v${node.version} (${SDK}@${versions.sdk})`,
    );
    const status = run('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: workspace,
      env: { ...env, ...prebuildInstallEnv() },
    });
    if (status !== 0) fail(`npm install in ${workspace} failed; see the output above.`);
    keepSqlitePrebuild(workspace, join(node.binDir, 'node'));
    cpSync(join(workspace, 'package-lock.json'), savedLock);
    writeFileSync(stamp, `${inputs}\n`);
  }
  if (run('npm', ['run', '-s', 'build'], { cwd: workspace, env }) !== 0) {
    fail(`npm run build in ${workspace} failed; see the output above.`);
  }
  installDynamicProviderPlugin(workspace, engine.binDir);
  writeFileSync(
    join(workspace, 'node_modules', '.numberplane-engine.json'),
    // The YAML host does not follow the CLI's version: the pinned setup's serves YAML programs.
    `${JSON.stringify({ ...engine, yamlHost: baselineYamlHost() }, null, 2)}\n`,
  );
  return workspace;
}

/**
 * That Node.js first on PATH (the language host, the dynamic provider plugin and npm all
 * run `node` from PATH), and its headers for native modules (node-gyp would otherwise
 * take npm's configured nodedir, which may be another Node.js).
 */
function nodeEnvironment(node) {
  return {
    ...process.env,
    PATH: [node.binDir, process.env.PATH ?? ''].join(':'),
    npm_config_nodedir: node.home,
  };
}

function runTests(node, workspace, baseline) {
  log(
    `engine tests on Node.js v${node.version}, pulumi v${versions.pulumi}, ${SDK}@${versions.sdk}`,
  );
  const started = Date.now();
  const status = run(
    join(node.binDir, 'node'),
    [
      join(workspace, 'node_modules', 'jest', 'bin', 'jest.js'),
      '-c',
      'jest.compat.config.js',
      ...node.tests,
    ],
    {
      cwd: workspace,
      env: { ...nodeEnvironment(node), NUMBERPLANE_COMPAT_BASELINE: JSON.stringify(baseline) },
    },
  );
  return { status, seconds: Math.round((Date.now() - started) / 1000) };
}

const baselinePointer = join(root, 'node_modules', '.numberplane-engine.json');
const baselineYamlHost = () => JSON.parse(readFileSync(baselinePointer, 'utf8')).yamlHost;
if (!existsSync(baselinePointer) || !existsSync(join(root, 'dist'))) {
  fail(
    'run `npm run setup && npm run build` first: the upgrade test starts from the pinned toolchain.',
  );
}
const baseline = {
  root,
  nodeBinDir: dirname(process.execPath),
  nodeVersion: process.versions.node,
  engine: JSON.parse(readFileSync(baselinePointer, 'utf8')),
};
/**
 * Which test files run on each version: by default `tests` of versions.json, the engine
 * tests that prove different things (the engine, the provider's state, the root project,
 * one example, the upgrade); `-- --all` every engine test file (`all`); `-- PATTERN…` only
 * the files matching a pattern.
 */
function selectedTests(args) {
  if (args.includes('--all')) {
    if (args.length > 1)
      fail('--all runs every engine test; give it alone, or give PATTERN… alone.');
    return versions.all;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown) fail(`unknown option ${unknown}: give --all, or test file patterns.`);
  return args.length > 0 ? args : versions.tests;
}
const tests = selectedTests(process.argv.slice(2));
const engine = ensureNewestEngine();
const results = [];
for (const version of versions.node) {
  const node = { ...ensureNode(version), tests };
  const workspace = prepareWorkspace(node, engine);
  results.push({
    node: node.version,
    tests: node.tests.join(' '),
    ...runTests(node, workspace, baseline),
  });
}
log(
  `pulumi v${engine.version}, ${engine.languageHost.version === engine.version ? '' : `language host v${engine.languageHost.version}, `}${SDK}@${versions.sdk}:`,
);
for (const result of results) {
  log(
    `  Node.js v${result.node}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${result.seconds} s (${result.tests})`,
  );
}
process.exit(results.every((result) => result.status === 0) ? 0 : 1);

#!/usr/bin/env node
// `npm run sdks`: the plugin's Python and Go SDKs, generated from schema/pulumi-package.json
// into sdk/ (committed) by tools/sdk-gen, then checked as far as this machine allows: the Go
// SDK builds against github.com/pulumi/pulumi/sdk/v3, the Python SDK byte-compiles (no
// Python Pulumi SDK is served here to import it, and no .NET generator or SDK at all).
// `--check` generates into a temp dir instead and fails naming each file of sdk/ that
// differs, then runs the same checks on sdk/ (test/sdk runs it).
// Plain Node.js on purpose, like setup.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureSdkGen, fail, log, logAs } from './toolchain.mjs';

logAs('sdks');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sdk = join(root, 'sdk');
const check = process.argv.includes('--check');
const scratch = mkdtempSync(join(tmpdir(), 'numberplane-sdks-'));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed; see the output above.`);
}

/** Every file under dir, as paths relative to it, sorted. */
function filesUnder(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(join(dir, entry.name), base)
        : [relative(base, join(dir, entry.name))],
    )
    .sort();
}

/** The generated files that differ between sdk/ and `out`, or are in only one of them. */
function differences(out) {
  const generated = (dir) => [
    ...filesUnder(join(dir, 'python')).map((file) => join('python', file)),
    ...filesUnder(join(dir, 'go', 'numberplane')).map((file) => join('go', 'numberplane', file)),
  ];
  const made = generated(out);
  const committed = generated(sdk);
  return [...new Set([...made, ...committed])].filter(
    (file) =>
      !made.includes(file) ||
      !committed.includes(file) ||
      !readFileSync(join(out, file)).equals(readFileSync(join(sdk, file))),
  );
}

try {
  const sdkGen = ensureSdkGen(join(root, 'tools', 'sdk-gen'), cacheRoot());
  const out = check ? join(scratch, 'sdk') : sdk;
  // sdk/go/go.mod and go.sum are written by hand; the generated package sits beside them.
  if (check) cpSync(join(sdk, 'go'), join(out, 'go'), { recursive: true });
  run(sdkGen, [join(root, 'schema', 'pulumi-package.json'), out]);
  if (check) {
    const drifted = differences(out);
    if (drifted.length > 0) {
      fail(
        `sdk/ is not what schema/pulumi-package.json generates (run npm run sdks): ${drifted.map((f) => `sdk/${f}`).join(', ')}`,
      );
    }
    log('sdk/ is what schema/pulumi-package.json generates');
  } else {
    log(`wrote ${join(sdk, 'python')} and ${join(sdk, 'go', 'numberplane')}`);
  }
  run('go', ['build', './...'], {
    cwd: join(sdk, 'go'),
    env: { ...process.env, GOFLAGS: '-mod=readonly', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
  });
  run('python3', ['-m', 'compileall', '-q', join(sdk, 'python')], {
    env: { ...process.env, PYTHONPYCACHEPREFIX: join(scratch, 'pycache') },
  });
  log('the Go SDK builds; the Python SDK byte-compiles');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

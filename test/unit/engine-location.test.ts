import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineNotSetUpError, locateEngine } from '../../provider/engine/engine-location';

/** An executable that prints `output`, as `pulumi version` or `pulumi-language-nodejs -version` do. */
function fakeBinary(path: string, output: string): void {
  writeFileSync(path, `#!/bin/sh\necho ${output}\n`);
  chmodSync(path, 0o755);
}

describe('locateEngine', () => {
  let dir: string;
  let packageRoot: string;
  const path = process.env.PATH;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-engine-location-'));
    // numberplane as npm installs it: no pointer from a checkout's setup.
    packageRoot = join(dir, 'node_modules', 'numberplane');
    mkdirSync(packageRoot, { recursive: true });
    writeFileSync(join(packageRoot, 'package.json'), '{"name":"numberplane"}');
  });
  afterEach(() => {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds an official install on PATH when numberplane is installed from npm', () => {
    const bin = join(dir, 'pulumi-install', 'bin');
    mkdirSync(bin, { recursive: true });
    fakeBinary(join(bin, 'pulumi'), 'v3.250.0');
    fakeBinary(join(bin, 'pulumi-language-nodejs'), 'v3.250.0');
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    expect(locateEngine(packageRoot)).toEqual({
      binDir: bin,
      version: '3.250.0',
      source: 'path',
      languageHost: { dir: bin, version: '3.250.0', source: 'path' },
    });
  });

  it('fails when PATH has pulumi but no language host, saying what to install', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    fakeBinary(join(bin, 'pulumi'), 'v3.250.0');
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    expect(() => locateEngine(packageRoot)).toThrow(EngineNotSetUpError);
    expect(() => locateEngine(packageRoot)).toThrow(
      'no Pulumi CLI found: put pulumi and pulumi-language-nodejs on PATH (an official Pulumi install ships both), or in a numberplane checkout run `node scripts/setup.mjs`',
    );
  });
});

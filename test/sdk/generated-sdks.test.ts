import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';

/**
 * The plugin's Python and Go SDKs in sdk/ are what tools/sdk-gen (Pulumi's code generators)
 * makes from schema/pulumi-package.json, the Go SDK builds, and the Python SDK byte-compiles.
 */
describe('the generated SDKs in sdk/', () => {
  it('are what the package schema generates, and the Go SDK builds and the Python SDK compiles', () => {
    const root = findPackageRoot();
    const result = spawnSync('node', [join(root, 'scripts', 'sdks.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 0,
      stderr: expect.stringContaining(
        'sdk/ is what schema/pulumi-package.json generates',
      ) as string,
    });
    expect(result.stderr).toContain('the Go SDK builds; the Python SDK byte-compiles');
  });
});

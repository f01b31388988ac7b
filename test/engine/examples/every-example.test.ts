import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../../provider/engine/engine-location';

/**
 * Every project under examples/ is a project of its own (its own package.json) and is
 * brought up and down by a test of this folder named after it, with the commands its
 * README gives.
 */
describe('the examples', () => {
  it('are exactly the projects under examples/, each with its own package.json and test file', () => {
    const examples = join(findPackageRoot(), 'examples');
    const projects = readdirSync(examples)
      .filter((name) => existsSync(join(examples, name, 'Pulumi.yaml')))
      .sort();
    const tests = readdirSync(__dirname)
      .filter((name) => name.endsWith('.test.ts') && name !== 'every-example.test.ts')
      .map((name) => name.replace(/\.test\.ts$/, ''))
      .sort();
    expect(projects).toEqual(tests);
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      expect({ project, packageJson: existsSync(join(examples, project, 'package.json')) }).toEqual(
        { project, packageJson: true },
      );
    }
  });
});

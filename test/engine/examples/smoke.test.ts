import { kinds, withExample } from '../support/example-project';

/** examples/smoke, driven by the commands its README gives, typed in its directory. */
describe('examples/smoke', () => {
  it('takes its one trivial dynamic resource up and down', () =>
    withExample('smoke', async (example) => {
      const { shell, dir } = example;
      await shell.ok(dir, 'stack', 'init', 'dev');
      await shell.ok(dir, 'up', '--yes');
      expect(await kinds(example)).toEqual(['Smoke hello']);
      expect(await shell.outputs(dir)).toEqual({
        smokeId: 'smoke-hello',
        createdBy: 'smoke-provider',
      });
      await shell.ok(dir, 'preview', '--expect-no-changes');
      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
    }));
});

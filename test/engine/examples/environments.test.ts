import { kinds, withExample } from '../support/example-project';

/** examples/environments, driven by the commands its README gives, typed in its directory. */
describe('examples/environments', () => {
  it('dev and prod come up from one inventory with their own counts, and come down', () =>
    withExample('environments', async (example) => {
      const { shell, sim, dir } = example;
      for (const [stack, agents, notifications] of [
        ['dev', 2, 1],
        ['prod', 8, 3],
      ] as const) {
        await example.init(stack);
        await shell.ok(dir, 'up', '--yes');
        const numbers = (await kinds(example)).filter((kind) => kind.startsWith('PhoneNumber'));
        expect(numbers.filter((n) => n.includes(' agents-'))).toHaveLength(agents);
        expect(numbers.filter((n) => n.includes(' notifications-'))).toHaveLength(notifications);
        await shell.ok(dir, 'preview', '--expect-no-changes');
        const held = (await sim.client.call('ListPhoneNumbers', {})).items.filter(
          (n) => n.status !== 'DELETION_QUEUED',
        );
        expect(held).toHaveLength(agents + notifications);
        await shell.ok(dir, 'destroy', '--yes');
        expect(await kinds(example)).toEqual([]);
      }
    }));
});

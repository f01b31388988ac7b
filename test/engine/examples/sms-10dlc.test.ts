import { kinds, withExample } from '../support/example-project';

/** examples/sms-10dlc, driven by the commands its README gives, typed in its directory. */
describe('examples/sms-10dlc', () => {
  it('comes up PENDING, reads ACTIVE after refresh once registration clears, and comes down', () =>
    withExample('sms-10dlc', async (example) => {
      const { shell, sim, dir } = example;
      await sim.admin.admin('ChangeClock', { body: { action: 'freeze' } });
      await example.init('dev');
      await shell.ok(dir, 'up', '--yes');
      const numbers = (await sim.client.call('ListPhoneNumbers', {})).items;
      expect(
        numbers.map((n) => [n.numberType, n.status, n.twoWayEnabled, n.optOutListName]),
      ).toEqual([
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
        ['TEN_DLC', 'PENDING', true, 'alerts-opt-outs'],
      ]);
      const resources = await shell.resources(dir);
      expect(
        resources.map((r) => `${r.type} ${r.name} ${String(r.outputs.status ?? '')}`).sort(),
      ).toEqual([
        'OptOutList alerts-opt-outs ',
        'PhoneNumber alerts-1 PENDING',
        'PhoneNumber alerts-2 PENDING',
      ]);

      await sim.admin.admin('ChangeClock', { body: { action: 'advance', by: '2d' } });
      await shell.ok(dir, 'refresh', '--yes');
      const refreshed = await shell.resources(dir);
      expect(refreshed.filter((r) => r.outputs.status === 'ACTIVE')).toHaveLength(2);
      await shell.ok(dir, 'preview', '--expect-no-changes');

      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
      expect(
        (await sim.client.call('ListOptOutLists', {})).items.map((l) => l.optOutListName),
      ).toEqual(['Default']);
    }));
});

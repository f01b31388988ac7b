import { kinds, withExample } from '../support/example-project';

/** examples/typescript-program, driven by the commands its README gives, typed in its directory. */
describe('examples/typescript-program', () => {
  it('comes up from TypeScript; ignoreChanges keeps retagging from being drift; protect stops destroy', () =>
    withExample('typescript-program', async (example) => {
      const { shell, sim, dir } = example;
      await example.init('dev');
      await shell.ok(dir, 'config', 'set', 'agents', '3');
      await shell.ok(dir, 'up', '--yes');
      expect(await kinds(example)).toEqual([
        'OptOutList customer-opt-outs',
        'PhoneNumber agent-1',
        'PhoneNumber agent-2',
        'PhoneNumber agent-3',
        'PhoneNumber main-line',
        'VoiceConnector east',
        'VoiceConnector west',
        'VoiceConnectorGroup contact-center',
      ]);
      const outputs = (await shell.outputs(dir)) as { agentNumbers: string[]; mainNumber: string };
      const backend = (await sim.client.call('ListPhoneNumbers', {})).items;
      expect(backend.map((n) => n.phoneNumber).sort()).toEqual(
        [...outputs.agentNumbers, outputs.mainNumber].sort(),
      );

      const agent = backend.find((n) => n.tags.team === 'support');
      await sim.outOfBand('UpdatePhoneNumber', {
        id: agent?.phoneNumberId,
        body: { tags: { team: 'sales' } },
      });
      await shell.ok(dir, 'refresh', '--yes');
      await shell.ok(dir, 'preview', '--expect-no-changes');

      const blocked = await shell.pulumi(dir, 'destroy', '--yes');
      expect(blocked.code).not.toBe(0);
      expect(`${blocked.stdout}${blocked.stderr}`).toMatch(/main-line.*protected/s);
      await shell.ok(dir, 'config', 'set', 'protectMainLine', 'false');
      await shell.ok(dir, 'up', '--yes');
      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
      expect((await sim.client.call('ListVoiceConnectorGroups', {})).items).toEqual([]);
    }));
});

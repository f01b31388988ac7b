import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../../provider/engine/engine-location';
import { kinds, withExample } from '../support/example-project';
import { edit, installNumberplane, liftProtection } from '../support/user-shell';

const PLUGIN = join('node_modules', 'numberplane', 'bin', 'pulumi-resource-numberplane');

/**
 * examples/yaml-program: a Pulumi YAML program, run by the YAML language host, whose
 * resources the numberplane plugin serves. Typed as its README gives the commands.
 */
describe('examples/yaml-program', () => {
  it('converges through the plugin, shows a console change, keeps a secret input secret, and keeps its protected number on destroy', () =>
    withExample('yaml-program', async (example) => {
      const { shell, sim, dir } = example;
      installNumberplane(dir); // `npm install` in the example
      const schema = await shell.ok(dir, 'package', 'get-schema', `./${PLUGIN}`);
      expect(JSON.parse(schema.stdout)).toEqual(
        JSON.parse(readFileSync(join(findPackageRoot(), 'schema', 'pulumi-package.json'), 'utf8')),
      );

      await example.init('dev');
      await shell.ok(dir, 'up', '--yes');
      expect(await kinds(example)).toEqual([
        'OptOutList stops',
        'PhoneNumber alerts',
        'PhoneNumber hotline',
        'VoiceConnector oregon',
        'VoiceConnector virginia',
        'VoiceConnectorGroup hotline-group',
      ]);
      const state = await shell.resources(dir);
      const idOf = (name: string): string => state.find((r) => r.name === name)?.id ?? '';
      const numbers = (await sim.client.call('ListPhoneNumbers', {})).items;
      expect(numbers.map((n) => n.phoneNumberId).sort()).toEqual(
        [idOf('alerts'), idOf('hotline')].sort(),
      );
      const hotline = await sim.client.call('DescribePhoneNumber', { id: idOf('hotline') });
      expect(hotline).toMatchObject({
        deletionProtectionEnabled: true,
        voiceConnectorGroupId: idOf('hotline-group'),
      });
      const group = await sim.client.call('GetVoiceConnectorGroup', { id: idOf('hotline-group') });
      expect(group.connectors).toEqual([
        { voiceConnectorId: idOf('virginia'), priority: 1 },
        { voiceConnectorId: idOf('oregon'), priority: 2 },
      ]);
      expect((await sim.client.call('GetVoiceConnector', { id: idOf('virginia') })).name).toBe(
        'virginia',
      );
      expect(await shell.outputs(dir)).toMatchObject({ hotline: hotline.phoneNumber });
      await shell.ok(dir, 'preview', '--expect-no-changes');

      await sim.outOfBand('UpdatePhoneNumber', {
        id: idOf('alerts'),
        body: { selfManagedOptOutsEnabled: true },
      });
      const drift = await shell.pulumi(
        dir,
        'preview',
        '--refresh',
        '--diff',
        '--expect-no-changes',
      );
      expect(drift.code).not.toBe(0);
      expect(drift.stdout).toMatch(/~ selfManagedOptOutsEnabled\s*: true => false/);
      await shell.ok(dir, 'up', '--yes', '--refresh');
      expect(
        (await sim.client.call('DescribePhoneNumber', { id: idOf('alerts') }))
          .selfManagedOptOutsEnabled,
      ).toBe(false);

      // A secret input's output stays secret; the API key never appears in the state.
      edit(join(dir, 'Pulumi.yaml'), (text) =>
        text.replace('team: support', 'team:\n          fn::secret: billing'),
      );
      await shell.ok(dir, 'up', '--yes');
      const exported = (await shell.ok(dir, 'stack', 'export')).stdout;
      const alerts = (
        JSON.parse(exported) as {
          deployment: { resources: { urn: string; outputs?: Record<string, unknown> }[] };
        }
      ).deployment.resources.find((r) => r.urn.endsWith('::alerts'));
      expect(alerts?.outputs?.tags).toEqual({
        team: {
          '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
          ciphertext: expect.any(String),
        },
      });
      expect(exported).not.toContain('billing');
      expect(exported).not.toContain(sim.apiKey);
      expect((await sim.client.call('DescribePhoneNumber', { id: idOf('alerts') })).tags).toEqual({
        team: 'billing',
      });
      await shell.ok(dir, 'preview', '--expect-no-changes');

      const blocked = await shell.pulumi(dir, 'destroy', '--yes');
      expect(blocked.code).not.toBe(0);
      expect(blocked.stdout).toMatch(/has deletion protection enabled and was not released/);
      expect(await sim.client.call('DescribePhoneNumber', { id: idOf('hotline') })).toMatchObject({
        status: 'ACTIVE',
        deletionProtectionEnabled: true,
      });
      edit(join(dir, 'Pulumi.yaml'), liftProtection);
      await shell.ok(dir, 'up', '--yes');
      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
      // The hotline (productType VoiceConnector) waits in the deletion queue, restorable.
      expect(
        (await sim.client.call('ListPhoneNumbers', {})).items.map((n) => [
          n.phoneNumberId,
          n.status,
        ]),
      ).toEqual([[idOf('hotline'), 'DELETION_QUEUED']]);
      expect((await sim.client.call('ListVoiceConnectors', {})).items).toEqual([]);
    }));
});

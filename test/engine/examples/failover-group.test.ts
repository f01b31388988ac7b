import { join } from 'node:path';
import { kinds, withExample } from '../support/example-project';
import { edit, liftProtection } from '../support/user-shell';

/** examples/failover-group, driven by the commands its README gives, typed in its directory. */
describe('examples/failover-group', () => {
  it('comes up, fails calls over past a Region in outage, and comes down once unprotected', () =>
    withExample('failover-group', async (example) => {
      const { shell, sim, dir } = example;
      await example.init('dev');
      await shell.ok(dir, 'up', '--yes');
      expect(await kinds(example)).toEqual([
        'PhoneNumber hotline',
        'VoiceConnector london',
        'VoiceConnector oregon',
        'VoiceConnector virginia',
        'VoiceConnectorGroup hotline',
      ]);
      const outputs = (await shell.outputs(dir)) as {
        numbers: Record<string, string>;
        routing: Record<string, string[]>;
      };
      expect(outputs.routing).toEqual({ hotline: ['virginia', 'oregon', 'london'] });
      await shell.ok(dir, 'preview', '--expect-no-changes');

      await sim.admin.admin('StartOutage', { body: { awsRegion: 'us-east-1' } });
      await sim.admin.admin('StartOutage', { body: { awsRegion: 'us-west-2' } });
      const route = await sim.client.call('RouteCall', {
        body: { phoneNumber: outputs.numbers.hotline },
      });
      expect(route).toMatchObject({ routed: true, awsRegion: 'eu-west-2' });
      expect(route.attempts.map((a) => a.outcome)).toEqual([
        'region-outage',
        'region-outage',
        'answered',
      ]);

      const blocked = await shell.pulumi(dir, 'destroy', '--yes');
      expect(blocked.code).not.toBe(0);
      expect(blocked.stdout).toMatch(/has deletion protection enabled and was not released/);
      expect((await sim.client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
      edit(join(dir, 'inventory.yaml'), liftProtection);
      await shell.ok(dir, 'up', '--yes');
      await shell.ok(dir, 'destroy', '--yes');
      expect(await kinds(example)).toEqual([]);
      expect((await sim.client.call('ListVoiceConnectors', {})).items).toEqual([]);
    }));
});

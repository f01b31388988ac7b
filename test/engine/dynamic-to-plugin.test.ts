import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpSimulator, type HttpSimulator } from './support/http-simulator';
import {
  edit,
  initStack,
  installNumberplane,
  openUserShell,
  type UserShell,
} from './support/user-shell';

/** A user's JavaScript program on the dynamic resources, with a protected number on a group. */
const DYNAMIC_PROGRAM = `const np = require('numberplane');

const east = new np.VoiceConnector('east', { awsRegion: 'us-east-1' }, {});
const group = new np.VoiceConnectorGroup(
  'main',
  { connectors: [{ voiceConnectorId: east.voiceConnectorId, priority: 1 }] },
  {},
);
const support = new np.PhoneNumber(
  'support',
  {
    isoCountryCode: 'US',
    numberType: 'SIMULATOR',
    numberCapabilities: ['VOICE'],
    productType: 'VoiceConnector',
    voiceConnectorGroupId: group.voiceConnectorGroupId,
    deletionProtectionEnabled: true,
  },
  {},
);
exports.number = support.phoneNumber;
`;

function userProject(shell: UserShell): string {
  const dir = join(shell.dir, 'phones');
  mkdirSync(dir);
  installNumberplane(dir);
  writeFileSync(
    join(dir, 'Pulumi.yaml'),
    [
      'name: phones',
      'runtime: nodejs',
      'plugins:',
      '  providers:',
      '    - name: numberplane',
      '      path: ./node_modules/numberplane/bin',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'phones', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), DYNAMIC_PROGRAM);
  return dir;
}

describe('a stack moving from the dynamic resources to the plugin', () => {
  let shell: UserShell;
  let sim: HttpSimulator;
  beforeEach(async () => {
    shell = openUserShell();
    sim = await startHttpSimulator();
  });
  afterEach(async () => {
    shell.cleanup();
    await sim.close();
  });

  it('keeps its protected number: retainOnDelete, then the plugin classes with the import option', async () => {
    const dir = userProject(shell);
    await initStack(shell, dir, 'prod', sim);
    await shell.ok(dir, 'up', '--yes');
    const before = await shell.resources(dir);
    expect(before.map((r) => r.urn.split('::')[2]).sort()).toEqual([
      'pulumi-nodejs:dynamic/numberplane:PhoneNumber',
      'pulumi-nodejs:dynamic/numberplane:VoiceConnector',
      'pulumi-nodejs:dynamic/numberplane:VoiceConnectorGroup',
    ]);
    const idOf = (name: string): string => before.find((r) => r.name === name)?.id ?? '';
    const { number } = (await shell.outputs(dir)) as { number: string };

    // 1. The engine forgets the dynamic resources instead of deleting them when they go.
    edit(join(dir, 'index.js'), (text) =>
      text
        .replaceAll('\n  {},\n', '\n  { retainOnDelete: true },\n')
        .replace(
          "{ awsRegion: 'us-east-1' }, {}",
          "{ awsRegion: 'us-east-1' }, { retainOnDelete: true }",
        ),
    );
    await shell.ok(dir, 'up', '--yes');

    // 2. The plugin's classes adopt the same objects by id.
    edit(join(dir, 'index.js'), (text) =>
      text
        .replaceAll('new np.', 'new np.plugin.')
        .replace(
          `{ awsRegion: 'us-east-1' }, { retainOnDelete: true }`,
          `{ awsRegion: 'us-east-1' }, { import: '${idOf('east')}' }`,
        )
        .replace(
          `{ retainOnDelete: true },\n);\nconst support`,
          `{ import: '${idOf('main')}' },\n);\nconst support`,
        )
        .replace(
          `{ retainOnDelete: true },\n);\nexports`,
          `{ import: '${idOf('support')}' },\n);\nexports`,
        ),
    );
    const moved = await shell.ok(dir, 'up', '--yes');
    expect(moved.stdout).toMatch(/3 imported/);
    await shell.ok(dir, 'preview', '--expect-no-changes');

    const after = await shell.resources(dir);
    expect(after.map((r) => [r.urn.split('::')[2], r.name, r.id]).sort()).toEqual([
      ['numberplane:index:PhoneNumber', 'support', idOf('support')],
      ['numberplane:index:VoiceConnector', 'east', idOf('east')],
      ['numberplane:index:VoiceConnectorGroup', 'main', idOf('main')],
    ]);
    expect(await shell.outputs(dir)).toEqual({ number });
    const numbers = (await sim.client.call('ListPhoneNumbers', {})).items;
    expect(numbers.map((n) => [n.phoneNumberId, n.phoneNumber, n.status])).toEqual([
      [idOf('support'), number, 'ACTIVE'],
    ]);
    expect(numbers[0]).toMatchObject({
      deletionProtectionEnabled: true,
      voiceConnectorGroupId: idOf('main'),
    });
  });
});

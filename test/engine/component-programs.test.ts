import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { startHttpSimulator, type HttpSimulator } from './support/http-simulator';
import { openUserShell, type UserShell } from './support/user-shell';

/**
 * A user's own TypeScript program (test/engine/projects/components): two components
 * (Headquarters, Branch), each with a VoiceConnector 'edge' and a PhoneNumber 'main-line',
 * and a 'main-line' at the top level. The commands are the ones a user types in the
 * project directory.
 */
describe('a program of components that repeat resource names', () => {
  let shell: UserShell;
  let sim: HttpSimulator;
  let dir: string;

  beforeAll(async () => {
    shell = openUserShell();
    sim = await startHttpSimulator();
    const root = findPackageRoot();
    dir = join(shell.dir, 'components');
    cpSync(join(root, 'test/engine/projects/components'), dir, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await shell.ok(dir, 'stack', 'init', 'dev');
    await shell.ok(dir, 'config', 'set', 'numberplane:endpoint', sim.endpoint);
    await shell.ok(dir, 'config', 'set', '--secret', 'numberplane:apiKey', sim.apiKey);
  });

  afterAll(async () => {
    shell?.cleanup();
    await sim?.close();
  });

  const held = async () =>
    (await sim.client.call('ListPhoneNumbers', {})).items.filter(
      (n) => n.status !== 'DELETION_QUEUED',
    );
  const numbers = async () =>
    ((await shell.outputs(dir)) as { numbers: Record<string, string> }).numbers;

  it('gives each resource an object of its own, and removing one component releases only its number', async () => {
    await shell.ok(dir, 'up', '--yes');
    const state = await shell.resources(dir);
    const lines = state.filter((r) => r.name === 'main-line');
    const edges = state.filter((r) => r.name === 'edge');
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((r) => r.id)).size).toBe(3);
    expect(new Set(edges.map((r) => r.id)).size).toBe(2);
    expect((await held()).map((n) => n.phoneNumberId).sort()).toEqual(
      lines.map((r) => r.id).sort(),
    );
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toHaveLength(2);

    const before = await numbers();
    await shell.ok(dir, 'config', 'set', 'sites', '["Headquarters"]');
    await shell.ok(dir, 'up', '--yes');
    expect((await held()).map((n) => n.phoneNumber).sort()).toEqual(
      [before.topLevel, before.headquarters].sort(),
    );
    expect(await numbers()).toEqual({
      topLevel: before.topLevel,
      headquarters: before.headquarters,
    });
    await shell.ok(dir, 'preview', '--refresh', '--expect-no-changes');
  });

  it('a number released in the console comes back the same after in-place updates', async () => {
    await shell.ok(dir, 'config', 'set', 'team', 'ops');
    await shell.ok(dir, 'up', '--yes');
    await shell.ok(dir, 'config', 'set', 'team', 'support');
    await shell.ok(dir, 'up', '--yes');
    const before = await numbers();

    // As a console user does it: unassign, then release.
    const released = (await held()).find((n) => n.phoneNumber === before.headquarters);
    await sim.outOfBand('UpdatePhoneNumber', {
      id: released?.phoneNumberId,
      body: { voiceConnectorId: null },
    });
    await sim.outOfBand('ReleasePhoneNumber', { id: released?.phoneNumberId });
    await shell.ok(dir, 'up', '--refresh', '--yes');

    expect(await numbers()).toEqual(before);
    const restored = (await held()).find((n) => n.phoneNumber === before.headquarters);
    expect(restored).toMatchObject({
      phoneNumberId: released?.phoneNumberId,
      tags: { team: 'support' },
    });
    expect(restored?.voiceConnectorId).toBe(
      ((await shell.outputs(dir)) as { connectors: Record<string, string> }).connectors
        .headquarters,
    );
    await shell.ok(dir, 'preview', '--refresh', '--expect-no-changes');

    await shell.ok(dir, 'destroy', '--yes');
    expect(await held()).toEqual([]);
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toEqual([]);
  });
});

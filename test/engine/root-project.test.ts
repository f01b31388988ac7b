import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { startHttpSimulator, type HttpSimulator } from './support/http-simulator';
import {
  copyCheckout,
  edit,
  liftProtection,
  openUserShell,
  type UserShell,
} from './support/user-shell';

/** `npx numberplane ARGS`, as the user runs it from the project. */
async function numberplane(args: string[]): Promise<string> {
  const bin = join(findPackageRoot(), 'bin', 'numberplane.js');
  const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args.slice(1)]);
  return stdout;
}

/**
 * The root project of a fresh clone, driven by the commands a user types in its
 * directory: `pulumi up` runs the program through the official language host, which picks
 * it from Pulumi.yaml (the root package.json's `main` is the library, not a program).
 */
describe('the root project under plain pulumi commands', () => {
  let shell: UserShell;
  let sim: HttpSimulator;
  let root: string;

  beforeAll(async () => {
    shell = openUserShell();
    sim = await startHttpSimulator({ apiKey: 'root-project-key-0001' });
    root = copyCheckout(shell);
  });
  afterAll(async () => {
    shell.cleanup();
    await sim.close();
  });

  it('deploys every resource of the sample inventory, shows drift, and comes down once unprotected', async () => {
    await shell.ok(root, 'stack', 'init', 'dev');
    await shell.ok(
      root,
      'config',
      'set',
      'numberplane:inventory',
      'examples/sample-inventory.yaml',
    );
    await shell.ok(root, 'config', 'set', 'numberplane:endpoint', sim.endpoint);
    await shell.ok(root, 'config', 'set', '--secret', 'numberplane:apiKey', sim.apiKey);
    // Toll-free and 10DLC numbers take days to become ACTIVE: up says so at once, keeps the
    // numbers, and names the clock command that lets those days pass. Follow it until done.
    let up = await shell.pulumi(root, 'up', '--yes');
    const advances: string[] = [];
    while (up.code !== 0 && advances.length < 3) {
      expect(up.stdout).toMatch(
        /phone number \+1\d+ \(phone-\w+\) is PENDING and will not be ACTIVE within the wait of 600s/,
      );
      const hint = /`npx (numberplane clock advance (\w+) --endpoint \S+)`/.exec(up.stdout);
      expect(hint).not.toBeNull();
      expect(up.stdout).toContain(
        "(with the server's admin key: --admin-key KEY or NUMBERPLANE_ADMIN_KEY, unless it keeps the local default)",
      );
      advances.push(String(hint?.[2]));
      await numberplane(String(hint?.[1]).split(' '));
      up = await shell.pulumi(root, 'up', '--yes');
    }
    expect(up.code).toBe(0);
    // 10DLC takes 2 days, toll-free 3; which numbers a failed up got to varies with timing.
    expect(advances.length).toBeGreaterThan(0);
    for (const advance of advances) expect(['24h', '48h', '3d']).toContain(advance);
    const resources = await shell.resources(root);
    expect(resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'OptOutList marketing',
      'PhoneNumber alerts-1',
      'PhoneNumber alerts-2',
      'PhoneNumber alerts-3',
      'PhoneNumber support',
      'VoiceConnector east',
      'VoiceConnector west',
      'VoiceConnectorGroup main',
    ]);
    const backend = (await sim.client.call('ListPhoneNumbers', {})).items;
    const numbers = resources.filter((r) => r.type === 'PhoneNumber');
    expect(backend.map((n) => n.phoneNumberId).sort()).toEqual(numbers.map((n) => n.id).sort());
    expect(backend.every((n) => n.status === 'ACTIVE')).toBe(true);
    const outputs = (await shell.outputs(root)) as {
      numbers: Record<string, string>;
      routing: Record<string, string[]>;
      protectedNumbers: string[];
    };
    expect(Object.keys(outputs.numbers).sort()).toEqual([
      'alerts-1',
      'alerts-2',
      'alerts-3',
      'support',
    ]);
    expect(outputs.numbers.support).toBe(
      backend.find((n) => n.numberType === 'TOLL_FREE')?.phoneNumber,
    );
    expect(outputs.routing).toEqual({ main: ['east', 'west'] });
    expect(outputs.protectedNumbers).toEqual(['support']);
    // The API key is a secret: never plaintext in the state file.
    const stateFile = join(shell.stateDir, '.pulumi', 'stacks', 'numberplane', 'dev.json');
    expect(readFileSync(stateFile, 'utf8')).not.toContain(sim.apiKey);

    await shell.ok(root, 'preview', '--expect-no-changes');

    // Someone retags a number in the console: drift, property by property.
    const alert = numbers.find((n) => n.name === 'alerts-1');
    await sim.outOfBand('UpdatePhoneNumber', {
      id: alert?.id,
      body: { tags: { owner: 'console' } },
    });
    // One command tells both: it fails because something changed, and shows what.
    const diff = await shell.pulumi(root, 'preview', '--refresh', '--diff', '--expect-no-changes');
    expect(diff.code).not.toBe(0);
    expect(diff.stdout).toMatch(
      /~ .*PhoneNumber: \(update\)[\s\S]*alerts-1[\s\S]*- tags\s*: \{[\s\S]*owner\s*: "console"/,
    );
    // The README's remedy: `pulumi up --refresh` reads the console's edit, then puts it back.
    const restored = await shell.ok(root, 'up', '--refresh', '--yes');
    expect(restored.stdout).toMatch(/~ 1 updated/);
    await shell.ok(root, 'preview', '--refresh', '--expect-no-changes');
    expect((await sim.client.call('DescribePhoneNumber', { id: alert?.id })).tags).toEqual({});

    // The support line is protected: destroy releases nothing of it and says how to lift it.
    const support = numbers.find((n) => n.name === 'support');
    const blocked = await shell.pulumi(root, 'destroy', '--yes');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout).toContain(
      `phone number ${outputs.numbers.support} (${support?.id}) has deletion protection enabled and was not released. To release it, set deletionProtectionEnabled: false on this resource and apply that alone with pulumi up --target URN (pulumi stack --show-urns lists them; a plain pulumi up would re-create what this destroy already released), then destroy again. To have destroy refuse before it releases anything, give the resource protect: true too`,
    );
    // One clear line, no stack trace of the provider's code.
    expect(blocked.stdout).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(await sim.client.call('DescribePhoneNumber', { id: support?.id })).toMatchObject({
      status: 'ACTIVE',
      deletionProtectionEnabled: true,
    });
    // What the number stands on stays too, in the backend and in the stack.
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toHaveLength(2);
    expect(
      (await shell.resources(root))
        .filter((r) => r.type === 'VoiceConnector' || r.type === 'VoiceConnectorGroup')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['east', 'main', 'west']);

    // Dropping the protected line from the file is refused before anything changes.
    const inventory = join(root, 'examples', 'sample-inventory.yaml');
    const declared = readFileSync(inventory, 'utf8');
    writeFileSync(
      inventory,
      declared.replace(/ {2}support:[\s\S]*?deletionProtectionEnabled: true\n/, ''),
    );
    const dropped = await shell.pulumi(root, 'up', '--yes');
    expect(dropped.code).not.toBe(0);
    expect(dropped.stdout).toContain(
      'phoneNumbers: protected number support was removed from the file — deletion protection keeps it',
    );
    expect((await shell.resources(root)).map((r) => r.name)).toContain('support');
    writeFileSync(inventory, declared);

    edit(inventory, liftProtection);
    await shell.ok(root, 'up', '--yes');
    await shell.ok(root, 'destroy', '--yes');
    expect(await shell.resources(root)).toEqual([]);
    const left = (await sim.client.call('ListPhoneNumbers', {})).items;
    expect(left.filter((n) => n.status !== 'DELETION_QUEUED')).toEqual([]);
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toEqual([]);
    expect(readdirSync(root)).toContain('Pulumi.dev.yaml');
  }, 360_000); // a dozen pulumi commands: about 130 s alone, past 180 s on a loaded machine
});

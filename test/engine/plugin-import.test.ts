import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { packageVersion } from '../../provider/plugin/package-schema';
import { startHttpSimulator, type HttpSimulator } from './support/http-simulator';
import { initStack, installNumberplane, openUserShell, type UserShell } from './support/user-shell';

type Program = { resources?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/**
 * A Pulumi YAML project that declares nothing yet, with numberplane installed beside it
 * (what `npm install numberplane` leaves) and its plugin installed into the plugin cache,
 * as the README says.
 */
async function emptyProject(shell: UserShell, name: string, sim: HttpSimulator): Promise<string> {
  const dir = join(shell.dir, name);
  mkdirSync(dir);
  installNumberplane(dir);
  writeFileSync(join(dir, 'Pulumi.yaml'), stringify({ name, runtime: 'yaml' }));
  await initStack(shell, dir, 'dev', sim);
  // Absolute, as the README gives it ("$PWD/…"): pulumi 3.248 copies a folder named by a
  // relative path to that same relative path inside the plugin cache, and fails.
  const plugin = join(dir, 'node_modules', 'numberplane', 'bin');
  await shell.ok(
    dir,
    'plugin',
    'install',
    'resource',
    'numberplane',
    packageVersion(),
    '--file',
    plugin,
  );
  return dir;
}

/** The program `pulumi import` prints after "Please copy the following code…". */
function printedProgram(stdout: string): Program {
  const start = stdout.indexOf('\nresources:');
  if (start < 0) throw new Error(`pulumi import printed no program:\n${stdout}`);
  return parse(stdout.slice(start)) as Program;
}

/** Adds resources to the project's Pulumi.yaml, as a user pastes what import printed. */
function paste(dir: string, resources: Record<string, Record<string, unknown>>): void {
  const path = join(dir, 'Pulumi.yaml');
  const program = parse(readFileSync(path, 'utf8')) as Program;
  program.resources = { ...program.resources, ...resources };
  writeFileSync(path, stringify(program));
}

/** Objects someone made in the console, before any stack knew them. */
async function madeByHand(sim: HttpSimulator) {
  const connector = await sim.client.call('CreateVoiceConnector', {
    body: { name: 'east', awsRegion: 'us-east-1', tags: { team: 'voice' } },
  });
  const group = await sim.client.call('CreateVoiceConnectorGroup', {
    body: {
      name: 'main',
      connectors: [{ voiceConnectorId: connector.voiceConnectorId, priority: 1 }],
    },
  });
  const list = await sim.client.call('CreateOptOutList', { body: { optOutListName: 'stops' } });
  const number = await sim.client.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      voiceConnectorGroupId: group.voiceConnectorGroupId,
      deletionProtectionEnabled: true,
    },
  });
  const second = await sim.client.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS'],
      optOutListName: 'stops',
    },
  });
  return { connector, group, list, number, second };
}

describe('pulumi import through the plugin, installed with pulumi plugin install', () => {
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

  it('adopts each kind with the inputs read from the backend for this stack alone, and the printed program then plans no changes', async () => {
    const made = await madeByHand(sim);
    const dir = await emptyProject(shell, 'adopted', sim);

    const imports: [string, string, string][] = [
      ['VoiceConnector', 'east', made.connector.voiceConnectorId],
      ['VoiceConnectorGroup', 'main', made.group.voiceConnectorGroupId],
      ['OptOutList', 'stops', made.list.optOutListName],
      ['PhoneNumber', 'support', made.number.phoneNumberId],
    ];
    for (const [kind, name, id] of imports) {
      const result = await shell.ok(dir, 'import', `numberplane:index:${kind}`, name, id, '--yes');
      paste(dir, printedProgram(result.stdout).resources ?? {});
    }
    const program = parse(readFileSync(join(dir, 'Pulumi.yaml'), 'utf8')) as Program;
    expect(program.resources?.support).toMatchObject({
      type: 'numberplane:PhoneNumber',
      properties: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
        voiceConnectorGroupId: made.group.voiceConnectorGroupId,
        deletionProtectionEnabled: true,
      },
    });
    expect(program.resources?.east).toMatchObject({
      properties: { name: 'east', awsRegion: 'us-east-1', tags: { team: 'voice' } },
    });
    await shell.ok(dir, 'preview', '--expect-no-changes');
    const state = await shell.resources(dir);
    expect(state.map((r) => [r.type, r.name, r.id]).sort()).toEqual(
      imports.map(([kind, name, id]) => [kind, name, id]).sort(),
    );

    // The `import` resource option: declared with its inputs, adopted by the next up.
    paste(dir, {
      alerts: {
        type: 'numberplane:index:PhoneNumber',
        properties: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['SMS'],
          optOutListName: 'stops',
        },
        options: { import: made.second.phoneNumberId },
      },
    });
    const up = await shell.ok(dir, 'up', '--yes');
    expect(up.stdout).toMatch(/1 imported/);
    await shell.ok(dir, 'preview', '--expect-no-changes');
    expect((await shell.resources(dir)).find((r) => r.name === 'alerts')?.id).toBe(
      made.second.phoneNumberId,
    );
    // One object per resource: nothing was claimed or made.
    const numbers = (await sim.client.call('ListPhoneNumbers', {})).items;
    expect(numbers.map((n) => n.phoneNumberId).sort()).toEqual(
      [made.number.phoneNumberId, made.second.phoneNumberId].sort(),
    );
    expect((await sim.client.call('ListVoiceConnectors', {})).items).toHaveLength(1);

    // Imported, the number is this stack's: another stack's import is refused and names it.
    const rival = await emptyProject(shell, 'rival', sim);
    const refused = await shell.pulumi(
      rival,
      'import',
      'numberplane:index:PhoneNumber',
      'support',
      made.number.phoneNumberId,
      '--yes',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('is held by stack adopted/dev');
    expect(refused.stdout + refused.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(await shell.resources(rival)).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { runPulumi } from '../../provider/engine/pulumi-cli';
import { startHttpSimulator, type HttpSimulator } from '../engine/support/http-simulator';
import { backendInventory, countLeaks, type StackResource } from './leak-check';
import { gone, killProcessTree } from './process-tree';

/**
 * A stack whose runs die by SIGKILL (a lost CI runner, the OOM killer) at several points,
 * with the engine's intermediate checkpoints skipped and with its default checkpoints: the
 * next run must converge with nothing leaked and nothing claimed twice.
 *
 * Sizes: 2,000 resources with skipped checkpoints, 400 with the default ones, whose runs
 * grow with N² (the engine rewrites the whole state after every step: 2,000 took 33 minutes
 * here, 500 a few). The same kill points and checks at every size; the full size of each
 * is one variable away: NUMBERPLANE_SCALE_SKIP_SIZE, NUMBERPLANE_SCALE_DEFAULT_SIZE.
 */
function sizeFrom(variable: string, fallback: number): number {
  const text = process.env[variable];
  const value = Number(text ?? fallback);
  if (!Number.isInteger(value) || value < 100) {
    throw new Error(`${variable}=${text}: set it to a whole number of resources, 100 or more`);
  }
  return value;
}
const root = findPackageRoot();
const figures: string[] = [];

interface Run {
  code: number | null;
  killed: boolean;
  /** Steps the CLI reported done (`create …`, `delete …` lines). */
  steps: number;
  stderr: string;
}

describe.each([
  {
    mode: 'skipped checkpoints (--skip-checkpoints)',
    flags: ['--skip-checkpoints'],
    size: sizeFrom('NUMBERPLANE_SCALE_SKIP_SIZE', 2000),
  },
  {
    mode: 'the default checkpoints',
    flags: [],
    size: sizeFrom('NUMBERPLANE_SCALE_DEFAULT_SIZE', 400),
  },
])('$mode, $size resources: runs killed with SIGKILL', ({ mode, flags, size }) => {
  let dir: string;
  let project: string;
  let sim: HttpSimulator;
  const stack = 'scale';
  const passphrase = 'scale-test';
  const env = (): Record<string, string> => ({
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_BACKEND_URL: `file://${join(project, '.numberplane', 'state')}`,
    PULUMI_HOME: join(project, '.numberplane', 'pulumi-home'),
    NUMBERPLANE_ENDPOINT: sim.endpoint,
    NUMBERPLANE_API_KEY: sim.apiKey,
    NUMBERPLANE_SCALE_RESOURCES: String(size),
  });
  let kills = 0;
  let started = 0;
  let worst = { duplicates: 0, leaked: 0, missing: 0 };

  /** `npx numberplane COMMAND --stack scale`, SIGKILLed with its whole process tree after `killAfter` steps. */
  function numberplane(command: string, killAfter?: number): Promise<Run> {
    const { PULUMI_BACKEND_URL: _backend, ...rest } = env();
    const args = [join(root, 'bin', 'numberplane.js'), command, '--stack', stack, ...flags];
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: project,
        env: { ...process.env, ...rest },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let steps = 0;
      let killed: number[] = [];
      child.stdout.resume();
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        stderr += text;
        steps += text.match(/^(create|delete) /gm)?.length ?? 0;
        if (killAfter !== undefined && killed.length === 0 && steps >= killAfter && child.pid) {
          kills++;
          killed = killProcessTree(child.pid);
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        gone(killed).then(
          () => resolve({ code, killed: killed.length > 0, steps, stderr }),
          reject,
        );
      });
    });
  }

  /** A run killed as planned; one that ended by itself shows the end of what it printed. */
  function expectKilled(run: Run): void {
    expect({ killed: run.killed, end: run.killed ? '' : run.stderr.slice(-3000) }).toEqual({
      killed: true,
      end: '',
    });
  }

  /** A run's exit code, and the end of what it printed when it failed. */
  function finishedRun(run: Run): { code: number | null; end: string } {
    return { code: run.code, end: run.code === 0 ? '' : run.stderr.slice(-3000) };
  }

  async function stateResources(): Promise<StackResource[]> {
    const exported = await runPulumi(['stack', 'export', '--stack', stack], {
      cwd: project,
      env: env(),
    });
    expect(exported.stderr).toBe('');
    const { deployment } = JSON.parse(exported.stdout) as {
      deployment: { resources?: StackResource[] };
    };
    return (deployment.resources ?? []).filter((r) => r.type.includes('/numberplane:'));
  }

  /** Every declared resource held once, and the backend holds what the stack holds. */
  async function expectConverged(): Promise<void> {
    const resources = await stateResources();
    const leaks = countLeaks(resources, await backendInventory(sim.client));
    worst = {
      duplicates: Math.max(worst.duplicates, leaks.duplicates),
      leaked: Math.max(worst.leaked, leaks.leaked),
      missing: Math.max(worst.missing, leaks.missing),
    };
    expect(leaks).toEqual({ resources: size, duplicates: 0, leaked: 0, missing: 0 });
    const preview = await runPulumi(
      ['preview', '--stack', stack, '--refresh', '--expect-no-changes', '--non-interactive'],
      { cwd: project, env: env() },
    );
    expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: '' });
  }

  beforeAll(async () => {
    started = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'numberplane-scale-'));
    project = join(dir, 'project');
    cpSync(join(__dirname, 'project'), project, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    sim = await startHttpSimulator();
    // A contact centre's account: its number quota raised on request, as AWS raises it.
    await sim.admin.admin('UpdateAccount', {
      id: 'default',
      body: { numberQuota: size * 4 },
    });
  });

  afterAll(async () => {
    figures.push(
      `${mode}: ${size} resources, ${kills} runs killed, at most ${worst.leaked} leaked, ${worst.duplicates} held twice, ${worst.missing} missing after recovery, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`an up killed early and one killed half-way leave nothing leaked: the next up converges`, async () => {
    const early = await numberplane('up', Math.round(size * 0.05));
    expectKilled(early);
    const middle = await numberplane('up', Math.round(size * 0.5));
    expectKilled(middle);
    expect(middle.stderr).toContain('did not finish');
    const finished = await numberplane('up');
    expect({
      ...finishedRun(finished),
      recovered: finished.stderr.includes('did not finish'),
    }).toEqual({ code: 0, end: '', recovered: true });
    await expectConverged();
  });

  it('a destroy killed half-way, then up: every resource is back once, nothing leaked', async () => {
    const destroy = await numberplane('destroy', Math.round(size * 0.5));
    expectKilled(destroy);
    const up = await numberplane('up');
    expect({
      ...finishedRun(up),
      recovered: up.stderr.includes('refreshing from the backend first'),
    }).toEqual({ code: 0, end: '', recovered: true });
    await expectConverged();
  });

  it('a destroy that finishes leaves the account holding none of the stack', async () => {
    const destroy = await numberplane('destroy');
    expect(finishedRun(destroy)).toEqual({ code: 0, end: '' });
    expect(await stateResources()).toEqual([]);
    const left = await backendInventory(sim.client);
    expect(
      left.filter((object) => object.kind !== 'OptOutList' || object.id !== 'Default'),
    ).toEqual([]);
  });
});

afterAll(() => {
  process.stdout.write(
    `\ninterrupted runs at scale:\n${figures.map((f) => `  ${f}`).join('\n')}\n`,
  );
});

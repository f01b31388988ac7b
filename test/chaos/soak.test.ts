import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../../provider/client/http-client';
import { findPackageRoot } from '../../provider/engine/engine-location';
import { FAULT_KINDS } from '../../provider/api/admin-requests';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import { backendInventory, countLeaks } from '../scale/leak-check';
import { numberplaneUp, type Disturbance, type EngineRun } from './engine-run';
import { FAULT_RULES, FaultLedger, setFaultSeed } from './fault-ledger';
import {
  BATCH,
  PROTECTED,
  changesBetween,
  declaredNames,
  protectedName,
  roundSpec,
  type RoundSpec,
} from './round-plan';
import { SeededRandom, chaosSeed } from './seeded-random';
import { ServeProcess, freePort } from '../support/serve-process';
import {
  heldNames,
  numbersHeldTwice,
  previewNoChanges,
  protectedIds,
  protectedReleases,
  stateResources,
  type StackPlace,
} from './stack-checks';

/**
 * The provider's promise at volume (issue 14): rounds of creates, updates and deletes
 * through the real engine (`numberplane up`, the pulumi CLI) against `numberplane serve`
 * answering 20% of calls with injected faults of every kind, with the engine's process
 * tree SIGKILLed mid-run in some rounds and the server SIGKILLed (and restarted on the same
 * store and port) in others. After each round's `up` finally succeeds, the backend must
 * hold exactly what the stack declares: nothing leaked, nothing held twice, no protected
 * number ever released, and a refreshed preview with no changes.
 */
const ROUNDS = Number(process.env.NUMBERPLANE_CHAOS_ROUNDS ?? 6);
const ENGINE_KILLS = 6;
const SERVER_KILLS = 3;
/** `up` runs a round may take once its disturbances are done. */
const MAX_UPS = 8;

const seed = chaosSeed();
const faultSeed = `chaos-${seed}`;
process.stdout.write(
  `chaos soak: seed ${seed} (replay with NUMBERPLANE_CHAOS_SEED=${seed}); simulator fault seed "${faultSeed}"\n`,
);
const random = new SeededRandom(seed);
const root = findPackageRoot();
const stack = 'chaos';
const specs: RoundSpec[] = Array.from({ length: ROUNDS }, (_, round) => roundSpec(round));
const rounds = specs.map((spec, round) => {
  const changes = changesBetween(specs[round - 1], spec);
  return { round, spec, changes, planned: changes.creates + changes.updates + changes.deletes };
});
// Which rounds kill what, and after how many finished steps: all from the seed.
const roundNumbers = rounds.map((r) => r.round);
const engineRounds = new Set(random.pick(roundNumbers, ENGINE_KILLS));
const serverRounds = new Set(random.pick(roundNumbers, SERVER_KILLS));
const plans: Disturbance[][] = rounds.map(({ round, planned }) => [
  ...(engineRounds.has(round)
    ? [{ kind: 'engine' as const, afterSteps: random.int(1, Math.floor(planned * 0.4)) }]
    : []),
  ...(serverRounds.has(round)
    ? [{ kind: 'server' as const, afterSteps: random.int(1, Math.floor(planned * 0.4)) }]
    : []),
]);
process.stdout.write(
  `chaos soak: ${ROUNDS} rounds, batches of ${BATCH}; disturbances ${JSON.stringify(plans)}\n`,
);

const figures = {
  declared: { creates: 0, updates: 0, deletes: 0 },
  steps: {} as Record<string, number>,
  engineKills: 0,
  serverKills: 0,
  ups: 0,
  failedUps: 0,
  recoveries: 0,
  worstLeaked: 0,
  worstDouble: 0,
  carried: 0,
};

const log = (line: string): void => void process.stdout.write(`chaos soak: ${line}\n`);

/** How a run ended: its steps, its disturbance, and (indented) why it failed. */
function describeRun(run: EngineRun, disturbance: Disturbance | undefined): string {
  const steps = Object.entries(run.steps)
    .map(([op, count]) => `${op} ${count}`)
    .join(', ');
  const what =
    disturbance && run.disturbed
      ? `${disturbance.kind} killed after ${disturbance.afterSteps} steps, `
      : '';
  const killed = disturbance?.kind === 'engine' && run.disturbed;
  const report = run.stderr.slice(run.stderr.lastIndexOf('numberplane: up of stack'));
  const why =
    run.code === 0 || killed ? '' : `\n    ${report.slice(0, 1500).split('\n').join('\n    ')}`;
  return `exit ${String(run.code)}, ${what}steps ${steps || 'none'}${why}`;
}

describe('chaos soak: creates, updates and deletes under 20% injected faults and SIGKILLs', () => {
  let dir: string;
  let project: string;
  let serve: ServeProcess;
  let client: HttpClient;
  let admin: HttpClient;
  let ledger: FaultLedger;
  let protectedAtStart: Record<string, string | undefined> | undefined;
  const started = Date.now();

  const place = (round: number): StackPlace => ({
    project,
    stack,
    env: {
      PULUMI_CONFIG_PASSPHRASE: 'chaos-soak',
      PULUMI_HOME: join(project, '.numberplane', 'pulumi-home'),
      PULUMI_BACKEND_URL: `file://${join(project, '.numberplane', 'state')}`,
      NUMBERPLANE_ENDPOINT: serve.endpoint,
      NUMBERPLANE_API_KEY: DEFAULT_API_KEY,
      NUMBERPLANE_CHAOS_SPEC: join(dir, `spec-${round}.json`),
    },
  });

  /** The CI command keeps its state in the project's `.numberplane/state` on its own. */
  const ciEnv = (round: number): Record<string, string> => {
    const { PULUMI_BACKEND_URL: _backend, ...env } = place(round).env;
    return env;
  };

  async function restartServer(): Promise<void> {
    await serve.kill();
    figures.serverKills++;
    await serve.start();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-chaos-'));
    project = join(dir, 'project');
    cpSync(join(__dirname, 'project'), project, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    serve = new ServeProcess(root, join(dir, 'simulator.db'), await freePort());
    await serve.start();
    client = new HttpClient({ endpoint: serve.endpoint, apiKey: DEFAULT_API_KEY });
    admin = new HttpClient({ endpoint: serve.endpoint, adminKey: DEFAULT_ADMIN_KEY });
    await setFaultSeed(admin, faultSeed);
    // Every round leaves a batch in the deletion queue for 7 days: room for all of them.
    await admin.admin('UpdateAccount', { id: 'default', body: { numberQuota: 20_000 } });
    ledger = new FaultLedger(admin, faultSeed);
    await ledger.arm();
  });

  afterAll(async () => {
    await serve.kill();
    rmSync(dir, { recursive: true, force: true });
    const seconds = Math.round((Date.now() - started) / 1000);
    const faults = FAULT_KINDS.map(
      (kind) => `${kind} ${ledger.counts[kind].fired}/${ledger.counts[kind].calls}`,
    ).join(', ');
    const steps = Object.entries(figures.steps)
      .map(([op, count]) => `${op} ${count}`)
      .join(', ');
    process.stdout.write(
      [
        '',
        `chaos soak figures (seed ${seed}, simulator fault seed "${faultSeed}", ${ROUNDS} rounds, ${seconds} s):`,
        `  declared: ${figures.declared.creates} creates, ${figures.declared.updates} updates, ${figures.declared.deletes} deletes`,
        `  engine steps finished, repeats after kills included: ${steps}`,
        `  faults injected (fired/calls seen, rules ${FAULT_RULES.map((r) => `${r.kind} ${r.rate}`).join(', ')}): ${faults}; ${ledger.total()} in all`,
        `  engine kills ${figures.engineKills}, server kills ${figures.serverKills}, disturbances carried to the next round ${figures.carried}`,
        `  up attempts ${figures.ups} (${figures.failedUps} failed or killed), recoveries from a dead run ${figures.recoveries}`,
        `  leaked ${figures.worstLeaked}, double ${figures.worstDouble}`,
        '',
      ].join('\n'),
    );
  });

  /** `up` until it succeeds, disturbances first; a round that never converges fails with its output. */
  async function upUntilConverged(round: number): Promise<void> {
    const queue = [...(plans[round] ?? [])];
    let last: EngineRun | undefined;
    for (let attempt = 1; attempt <= MAX_UPS + queue.length; attempt++) {
      const disturbance = queue[0];
      const began = Date.now();
      last = await numberplaneUp({
        root,
        project,
        stack,
        flags: round % 2 === 1 ? ['--skip-checkpoints'] : [],
        env: ciEnv(round),
        ...(disturbance ? { disturbance } : {}),
        killServer: restartServer,
      });
      figures.ups++;
      log(
        `round ${round} up ${attempt} (${Math.round((Date.now() - began) / 1000)} s): ${describeRun(last, disturbance)}`,
      );
      for (const [op, count] of Object.entries(last.steps)) {
        figures.steps[op] = (figures.steps[op] ?? 0) + count;
      }
      if (last.stderr.includes('did not finish')) figures.recoveries++;
      if (disturbance && last.disturbed) {
        queue.shift();
        if (disturbance.kind === 'engine') figures.engineKills++;
      }
      if (last.code !== 0) figures.failedUps++;
      if (last.code === 0 && last.disturbed !== true && queue.length > 0) {
        // The round finished before its disturbance's step came: it moves to the next round.
        figures.carried += queue.length;
        plans[round + 1]?.push(...queue);
        queue.length = 0;
      }
      if (last.code === 0 && queue.length === 0) return;
    }
    expect({ converged: false, end: last?.stderr.slice(-4000) ?? '' }).toEqual({
      converged: true,
      end: '',
    });
  }

  /** The stack holds every declared resource once, the account nothing else. */
  async function expectConverged(round: number, spec: RoundSpec): Promise<void> {
    const names = declaredNames(spec);
    const resources = await stateResources(place(round));
    const leaks = countLeaks(resources, await backendInventory(client));
    const twice = await numbersHeldTwice(client);
    figures.worstLeaked = Math.max(figures.worstLeaked, leaks.leaked);
    figures.worstDouble = Math.max(figures.worstDouble, leaks.duplicates + twice.length);
    expect(leaks).toEqual({ resources: names.length, duplicates: 0, leaked: 0, missing: 0 });
    expect(twice).toEqual([]);
    expect(heldNames(resources)).toEqual([...names].sort());
    const ids = protectedIds(
      resources,
      Array.from({ length: PROTECTED }, (_, k) => protectedName(k)),
    );
    protectedAtStart ??= ids;
    expect(ids).toEqual(protectedAtStart);
    expect(await protectedReleases(client, admin, Object.values(ids).map(String))).toEqual([]);
    expect(await previewNoChanges(place(round))).toEqual({ code: 0, end: '' });
  }

  it.each(rounds.map((r) => [r.round, r.changes.creates, r.changes.updates, r.changes.deletes]))(
    'round %i (%i creates, %i updates, %i deletes): up again after every fault and kill until it succeeds, then the account holds exactly the stack, protected numbers untouched, preview --refresh shows no changes',
    async (round) => {
      const { spec, changes } = rounds[round] as (typeof rounds)[number];
      writeFileSync(place(round).env.NUMBERPLANE_CHAOS_SPEC as string, JSON.stringify(spec));
      figures.declared.creates += changes.creates;
      figures.declared.updates += changes.updates;
      figures.declared.deletes += changes.deletes;
      await upUntilConverged(round);
      // The checks read the backend without faults: a failed check is the stack, not bad luck.
      await ledger.disarm();
      const began = Date.now();
      await expectConverged(round, spec);
      log(`round ${round} checks passed in ${Math.round((Date.now() - began) / 1000)} s`);
      await ledger.arm();
    },
  );

  it('adds up to at least 1,000 creates, 500 updates and deletes, 5 engine kills and 2 server kills, with every fault kind fired', () => {
    expect({
      creates: figures.declared.creates >= 1000,
      updatesAndDeletes: figures.declared.updates + figures.declared.deletes >= 500,
      engineKills: figures.engineKills >= 5,
      serverKills: figures.serverKills >= 2,
      recoveries: figures.recoveries,
      unfired: FAULT_KINDS.filter((kind) => ledger.counts[kind].fired === 0),
    }).toEqual({
      creates: true,
      updatesAndDeletes: true,
      engineKills: true,
      serverKills: true,
      recoveries: figures.engineKills,
      unfired: [],
    });
  });
});

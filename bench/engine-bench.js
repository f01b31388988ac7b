#!/usr/bin/env node
// `npm run bench`: what numberplane costs through the real engine, against the floor of any
// dynamic provider, and how that grows with the size of a stack. For N mixed resources (the
// scale test's program, test/scale/project: mostly phone numbers, some connectors, groups
// and opt-out lists) it times `up`, a steady-state `preview`, `drift` (preview --refresh),
// `refresh` and `destroy` of a numberplane stack (embedded simulator) and of a no-op dynamic
// provider declaring the same shape of inputs (inline, and kept in a package), alternating
// them, with the engine's default checkpoints and with PULUMI_SKIP_CHECKPOINTS=true.
//
// Each run's medians are kept in bench/results/engine-runs.json under (N, checkpoints), so
// runs of different sizes build one report: bench/results/engine.md and engine.svg (time
// per resource against N). Ratios only compare variants measured in the same run.
//
// BENCH_SIZES=100,500,2000 BENCH_RUNS=1 BENCH_CHECKPOINTS=default,skip
// BENCH_DEFAULT_CHECKPOINTS_UP_TO=500 BENCH_VARIANTS=numberplane,noop,noopref npm run bench
// Bigger sizes on request, e.g. BENCH_SIZES=10000 BENCH_CHECKPOINTS=skip.
const {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  cpSync,
} = require('node:fs');
const { cpus, tmpdir } = require('node:os');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');

const root = join(__dirname, '..');
const { runStackOperation } = require(join(root, 'dist/provider/engine/stack-operation.js'));
const { EmbeddedClient } = require(join(root, 'dist/provider/client/embedded-client.js'));
const { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } = require(
  join(root, 'dist/provider/simulator/service/simulator.js'),
);
const { chart, fitLine } = require('./engine-chart.js');

const list = (name, fallback) => (process.env[name] ?? fallback).split(',').filter(Boolean);
const SIZES = list('BENCH_SIZES', '100,500,2000').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CHECKPOINTS = list('BENCH_CHECKPOINTS', 'default,skip');
// The engine rewrites the whole state file after every step by default, so those runs grow
// with N²: 2,000 resources take about 15 minutes per variant on two cores.
const DEFAULT_UP_TO = Number(process.env.BENCH_DEFAULT_CHECKPOINTS_UP_TO ?? 500);
const OPERATIONS = ['up', 'preview', 'drift', 'refresh', 'destroy'];
const RESULTS = join(root, 'bench/results');
const RUNS_FILE = join(RESULTS, 'engine-runs.json');
const SCALE_PROJECT = join(root, 'test/scale/project');

// The floor: a dynamic provider that does nothing, declaring the same inputs. Written inline
// in the program, as most dynamic providers are, Pulumi stores its code in every resource's
// state. The second floor keeps it in a package under node_modules, as numberplane's
// providers are, so Pulumi stores a one-line require() instead: against it, the ratio is
// what numberplane's hooks and backend cost, with state size out of the picture.
const NOOP_PROVIDER = `{
  async check(olds, news) { return { inputs: news }; },
  async diff(id, olds, news) { return { changes: false }; },
  async create(inputs) { return { id: 'noop-' + Date.now() + '-' + Math.random(), outs: inputs }; },
  async read(id, props) { return { id, props, inputs: props }; },
  async update(id, olds, news) { return { outs: news }; },
  async delete() {},
}`;

const noopProgram = (provider) => `
const pulumi = require('@pulumi/pulumi');
const s = require(${JSON.stringify(join(SCALE_PROJECT, 'shape.js'))})(Number(process.env.NUMBERPLANE_SCALE_RESOURCES));
const provider = ${provider};
class Noop extends pulumi.dynamic.Resource {
  constructor(kind, name, props) { super(provider, name, { ...props, id2: undefined }, {}, 'bench', kind); }
}
const regions = ['us-east-1', 'us-west-2', 'eu-west-2'];
const connectors = Array.from({ length: s.connectors }, (_, i) => new Noop('VoiceConnector', 'vc-' + i, { name: 'vc-' + i, awsRegion: regions[i % 3], requireEncryption: true }));
const groups = Array.from({ length: s.groups }, (_, i) => new Noop('VoiceConnectorGroup', 'group-' + i, {
  name: 'group-' + i, connectors: [0, 1].map((k) => ({ voiceConnectorId: connectors[i * 2 + k].id, priority: k + 1 })),
}));
const lists = Array.from({ length: s.lists }, (_, i) => new Noop('OptOutList', 'list-' + i, { name: 'list-' + i }));
for (let i = 0; i < s.numbers; i++) {
  const voice = i % 2 === 0;
  new Noop('PhoneNumber', 'number-' + i, {
    isoCountryCode: 'US', numberType: 'SIMULATOR', areaCode: ['206', '212', '312', '415', '503'][i % 5],
    numberCapabilities: voice ? ['VOICE'] : ['SMS'], deletionProtectionEnabled: false, optOutListName: 'Default',
    selfManagedOptOutsEnabled: false, twoWayEnabled: false, waitForActive: true,
    ...(voice ? { productType: 'VoiceConnector', voiceConnectorGroupId: groups[i % groups.length].id }
              : { optOutListName: lists[i % lists.length].id }),
  });
}
`;

const VARIANTS = [
  { name: 'numberplane', copy: SCALE_PROJECT },
  { name: 'noop', program: noopProgram(NOOP_PROVIDER) },
  { name: 'noopref', program: noopProgram("require('noop-provider')"), providerPackage: true },
].filter(({ name }) => list('BENCH_VARIANTS', 'numberplane,noop,noopref').includes(name));

function project(dir, { name, program, providerPackage, copy }) {
  const path = join(dir, name);
  if (copy) {
    cpSync(copy, path, { recursive: true });
  } else {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'Pulumi.yaml'), `name: ${name}\nruntime: nodejs\n`);
    writeFileSync(
      join(path, 'package.json'),
      `${JSON.stringify({ name: `bench-${name}`, private: true, main: 'index.js' })}\n`,
    );
    writeFileSync(join(path, 'index.js'), program);
  }
  if (providerPackage) {
    const modules = join(path, 'node_modules');
    mkdirSync(join(modules, 'noop-provider'), { recursive: true });
    symlinkSync(join(root, 'node_modules', '@pulumi'), join(modules, '@pulumi'), 'dir');
    writeFileSync(
      join(modules, 'noop-provider', 'index.js'),
      `module.exports = ${NOOP_PROVIDER};\n`,
    );
  } else {
    symlinkSync(join(root, 'node_modules'), join(path, 'node_modules'), 'dir');
  }
  return path;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Resident memory of every process below this one (the engine, the program, the plugins), KiB. */
function treeRss() {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const below = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (below.has(ppid) && !below.has(pid)) {
        below.add(pid);
        grew = true;
      }
    }
  }
  return rows.reduce(
    (sum, [pid, , rss]) => sum + (pid !== process.pid && below.has(pid) ? rss : 0),
    0,
  );
}

async function timedRun(variant, n, checkpoints, run) {
  const stack = `${variant.name}-${n}-${checkpoints}-${run}`;
  const base = {
    projectDir: variant.dir,
    stackName: stack,
    stateDir: variant.state,
    pulumiHome: variant.home,
    passphrase: 'bench',
    env: {
      NUMBERPLANE_SCALE_RESOURCES: String(n),
      ...(checkpoints === 'skip' ? { PULUMI_SKIP_CHECKPOINTS: 'true' } : {}),
    },
  };
  const times = {};
  for (const operation of OPERATIONS) {
    const started = process.hrtime.bigint();
    const result = await runStackOperation({
      ...base,
      operation: operation === 'drift' ? 'preview' : operation,
      ...(operation === 'drift' ? { refresh: true } : {}),
    });
    times[operation] = Number(process.hrtime.bigint() - started) / 1e9;
    if (!result.ok) throw new Error(`${variant.name} ${operation} N=${n}: ${result.error}`);
    if (operation === 'up') {
      const exported = await runStackOperation({ ...base, operation: 'export' });
      const file = join(variant.state, '.pulumi', 'stacks', variant.projectName, `${stack}.json`);
      const resources = exported.deployment.resources.filter((r) =>
        r.type.startsWith('pulumi-nodejs:dynamic/'),
      );
      if (resources.length !== n) {
        throw new Error(`${variant.name} up N=${n} deployed ${resources.length} resources`);
      }
      times.stateBytesPerResource = statSync(file).size / resources.length;
    }
  }
  return times;
}

function loadRuns() {
  return existsSync(RUNS_FILE) ? JSON.parse(readFileSync(RUNS_FILE, 'utf8')) : [];
}

function saveRun(entry) {
  const runs = loadRuns().filter(
    (old) => !(old.n === entry.n && old.checkpoints === entry.checkpoints),
  );
  runs.push(entry);
  runs.sort((a, b) => a.n - b.n || a.checkpoints.localeCompare(b.checkpoints));
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(RUNS_FILE, `${JSON.stringify(runs, null, 2)}\n`);
  return runs;
}

const ratio = (value, floor) => (floor ? `${(value / floor).toFixed(2)}×` : '—');
const cell = (row, name, op) => (row[name] ? row[name][op].toFixed(2) : '—');

function report(runs) {
  const table = (checkpoints) => {
    const rows = runs.filter((r) => r.checkpoints === checkpoints);
    if (rows.length === 0) return ['(not measured)'];
    return [
      '| N | operation | numberplane | no-op | ratio | no-op (ref) | ratio to it | s / resource (numberplane) |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.flatMap((row) =>
        OPERATIONS.map(
          (op) =>
            `| ${row.n} | ${op} | ${cell(row, 'numberplane', op)} | ${cell(row, 'noop', op)} | ${ratio(row.numberplane?.[op], row.noop?.[op])} | ${cell(row, 'noopref', op)} | ${ratio(row.numberplane?.[op], row.noopref?.[op])} | ${row.numberplane ? (row.numberplane[op] / row.n).toFixed(4) : '—'} |`,
        ),
      ),
    ];
  };
  const growth = (checkpoints) => {
    const rows = runs.filter((r) => r.checkpoints === checkpoints && r.numberplane);
    if (rows.length < 2) return [];
    const fit = fitLine(rows.map((r) => [r.n, r.numberplane.up]));
    const first = rows[0];
    const last = rows[rows.length - 1];
    const perFirst = first.numberplane.up / first.n;
    const perLast = last.numberplane.up / last.n;
    return [
      `- ${checkpoints} checkpoints, numberplane \`up\`: slope ${(fit.slope * 1000).toFixed(1)} ms per resource (least squares over N = ${rows.map((r) => r.n).join(', ')}; intercept ${fit.intercept.toFixed(1)} s); time per resource at N=${last.n} is ${(perLast / perFirst).toFixed(2)}× that at N=${first.n}.`,
    ];
  };
  const dated = runs.map((r) => `N=${r.n} ${r.checkpoints}: ${r.at}, ${r.runs} run(s)`);
  return [
    `Engine benchmark, ${cpus().length} cores, Node.js ${process.version}, pulumi v${process.env.PULUMI_VERSION ?? '3.248.0'}; medians, seconds. Regenerate with \`npm run bench\` (see bench/engine-bench.js for the knobs).`,
    '',
    "numberplane: the scale test's program (test/scale/project) on the embedded simulator, the package installed under node_modules. no-op: a dynamic provider that does nothing, same inputs, written inline in the program (the floor). no-op (ref): the same provider kept in a package under node_modules, so that its state holds a require() as numberplane's does. drift: `preview --refresh`.",
    '',
    '## Default checkpoints (the engine saves the whole state after every step)',
    '',
    ...table('default'),
    '',
    '## `PULUMI_SKIP_CHECKPOINTS=true` (state saved once, at the end; `--skip-checkpoints`)',
    '',
    ...table('skip'),
    '',
    '## Growth',
    '',
    ...growth('default'),
    ...growth('skip'),
    '',
    '| N | checkpoints | bytes of state / resource: numberplane | no-op | no-op (ref) | peak RSS of the engine, program and plugins, MB (numberplane) |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.n} | ${r.checkpoints} | ${Math.round(r.numberplane?.stateBytesPerResource ?? 0) || '—'} | ${Math.round(r.noop?.stateBytesPerResource ?? 0) || '—'} | ${Math.round(r.noopref?.stateBytesPerResource ?? 0) || '—'} | ${r.numberplane?.rssMb ?? '—'} |`,
    ),
    '',
    '![seconds per resource against N](engine.svg)',
    '',
    `Measured: ${dated.join('; ')}.`,
  ].join('\n');
}

async function measure(variants, n, checkpoints) {
  const samples = Object.fromEntries(variants.map(({ name }) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so neither always meets a warm or a cold machine.
    const order = run % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      let peak = 0;
      const watch = setInterval(() => (peak = Math.max(peak, treeRss())), 2000);
      const times = await timedRun(variant, n, checkpoints, run).finally(() =>
        clearInterval(watch),
      );
      times.rssMb = Math.round(peak / 1024);
      samples[variant.name].push(times);
      process.stderr.write(
        `N=${n} ${checkpoints} checkpoints run ${run + 1}/${RUNS} ${variant.name}: ${OPERATIONS.map((op) => `${op} ${times[op].toFixed(1)}s`).join(', ')}\n`,
      );
    }
  }
  const summarize = (samplesOf) =>
    Object.fromEntries(
      [...OPERATIONS, 'stateBytesPerResource', 'rssMb'].map((key) => [
        key,
        median(samplesOf.map((t) => t[key])),
      ]),
    );
  return {
    n,
    checkpoints,
    at: new Date().toISOString(),
    runs: RUNS,
    ...Object.fromEntries(variants.map(({ name }) => [name, summarize(samples[name])])),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-bench-'));
  const variants = VARIANTS.map((variant) => ({
    name: variant.name,
    projectName: variant.copy ? 'numberplane-scale' : variant.name,
    dir: project(dir, variant),
    state: join(dir, `${variant.name}-state`),
    home: join(dir, `${variant.name}-home`),
  }));
  for (const variant of variants) {
    mkdirSync(variant.state, { recursive: true });
    mkdirSync(variant.home, { recursive: true });
  }
  const numberplane = variants.find((v) => v.name === 'numberplane');
  if (numberplane) {
    // The provider's embedded store (the project directory's default), its quota raised
    // as a contact centre's is on request.
    const store = EmbeddedClient.open(
      `file:${join(numberplane.dir, '.numberplane', 'simulator.db')}`,
      { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
    );
    await store.admin('UpdateAccount', { id: 'default', body: { numberQuota: 100000 } });
    await store.close();
  }

  let runs = loadRuns();
  try {
    for (const n of SIZES) {
      for (const checkpoints of CHECKPOINTS) {
        if (checkpoints === 'default' && n > DEFAULT_UP_TO) continue;
        runs = saveRun(await measure(variants, n, checkpoints));
        writeFileSync(join(RESULTS, 'engine.md'), `${report(runs)}\n`);
        writeFileSync(join(RESULTS, 'engine.svg'), chart(runs));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${report(runs)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});

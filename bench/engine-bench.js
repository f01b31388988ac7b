#!/usr/bin/env node
// `npm run bench`: what numberplane costs through the real engine, against the floor of any
// dynamic provider. For N mixed resources (mostly phone numbers, some connectors, groups
// and opt-out lists) it times `up`, a steady-state `preview`, `refresh` and `destroy` of a
// numberplane stack (embedded simulator) and of a no-op dynamic provider declaring the same
// shape of inputs (inline, and kept in a package), alternating them, several runs, medians. It also measures state bytes
// and `__provider` bytes per resource, and the simulator's own throughput. Writes
// bench/results/engine.md and bench/results/engine.svg.
//
// BENCH_SIZES=50,200,500 BENCH_RUNS=3 npm run bench
const { execFileSync } = require('node:child_process');
const {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} = require('node:fs');
const { cpus, tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
// Each operation runs as `pulumi up` typed in the project directory would: the Automation
// API on that directory, the official language host running its program.
const { runStackOperation } = require(join(root, 'dist/provider/engine/stack-operation.js'));
const { EmbeddedClient } = require(join(root, 'dist/provider/client/embedded-client.js'));
const { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } = require(
  join(root, 'dist/provider/simulator/service/simulator.js'),
);

const SIZES = (process.env.BENCH_SIZES ?? '50,200,500').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OPERATIONS = ['up', 'preview', 'refresh', 'destroy'];

/** The same mix for every variant: 4% connectors, up to 3 groups, 2% opt-out lists, the rest numbers. */
function shape(n) {
  const connectors = Math.max(2, Math.round(n * 0.04));
  const groups = Math.min(3, Math.floor(connectors / 2));
  const lists = Math.max(1, Math.round(n * 0.02));
  return { connectors, groups, lists, numbers: n - connectors - groups - lists };
}

const NUMBERPLANE_PROGRAM = `
const pulumi = require('@pulumi/pulumi');
const { OptOutList, PhoneNumber, VoiceConnector, VoiceConnectorGroup } = require('numberplane');
const s = JSON.parse(new pulumi.Config('bench').require('shape'));
const regions = ['us-east-1', 'us-west-2', 'eu-west-2'];
const connectors = Array.from({ length: s.connectors }, (_, i) => new VoiceConnector('vc-' + i, { awsRegion: regions[i % 3] }));
const groups = Array.from({ length: s.groups }, (_, i) => new VoiceConnectorGroup('group-' + i, {
  connectors: [0, 1].map((k) => ({ voiceConnectorId: connectors[i * 2 + k].voiceConnectorId, priority: k + 1 })),
}));
const lists = Array.from({ length: s.lists }, (_, i) => new OptOutList('list-' + i));
for (let i = 0; i < s.numbers; i++) {
  const voice = groups.length > 0 && i % 2 === 0;
  new PhoneNumber('number-' + i, {
    isoCountryCode: 'US', numberType: 'SIMULATOR', areaCode: ['206', '212', '312', '415', '503'][i % 5],
    numberCapabilities: voice ? ['VOICE'] : ['SMS'],
    ...(voice ? { productType: 'VoiceConnector', voiceConnectorGroupId: groups[i % groups.length].voiceConnectorGroupId }
              : { optOutListName: lists[i % lists.length].optOutListName }),
  });
}
`;

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
const s = JSON.parse(new pulumi.Config('bench').require('shape'));
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
  const voice = groups.length > 0 && i % 2 === 0;
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
  { name: 'numberplane', program: NUMBERPLANE_PROGRAM },
  { name: 'noop', program: noopProgram(NOOP_PROVIDER) },
  { name: 'noopref', program: noopProgram("require('noop-provider')"), providerPackage: true },
];

function project(dir, { name, program, providerPackage }) {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'Pulumi.yaml'), `name: ${name}\nruntime: nodejs\n`);
  writeFileSync(
    join(path, 'package.json'),
    `${JSON.stringify({ name: `bench-${name}`, private: true, main: 'index.js' })}\n`,
  );
  writeFileSync(join(path, 'index.js'), program);
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

const ratio = (value, floor) => `${(value / floor).toFixed(2)}×`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timedRun(variant, n, run) {
  const stack = `${variant.name}-${n}-${run}`;
  const base = {
    projectDir: variant.dir,
    stackName: stack,
    stateDir: variant.state,
    pulumiHome: variant.home,
    passphrase: 'bench',
    config: { 'bench:shape': { value: JSON.stringify(shape(n)) } },
  };
  const times = {};
  for (const operation of OPERATIONS) {
    const started = process.hrtime.bigint();
    const result = await runStackOperation({ ...base, operation });
    times[operation] = Number(process.hrtime.bigint() - started) / 1e9;
    if (!result.ok) throw new Error(`${variant.name} ${operation} N=${n}: ${result.error}`);
    if (operation === 'up') {
      const exported = await runStackOperation({ ...base, operation: 'export' });
      const file = join(variant.state, '.pulumi', 'stacks', variant.name, `${stack}.json`);
      const resources = exported.deployment.resources.filter((r) =>
        r.type.startsWith('pulumi-nodejs:dynamic/'),
      );
      times.stateBytesPerResource = statSync(file).size / resources.length;
      times.providerBytesPerResource =
        resources.reduce(
          (sum, r) => sum + Buffer.byteLength(String(r.inputs?.__provider ?? '')),
          0,
        ) / resources.length;
    }
  }
  return times;
}

function chart(rows) {
  const width = 640;
  const height = 360;
  const pad = 50;
  const maxN = Math.max(...rows.map((r) => r.n));
  const maxT = Math.max(
    ...rows.flatMap((r) => VARIANTS.flatMap(({ name }) => [r[name].up, r[name].preview])),
  );
  const x = (n) => pad + ((width - 2 * pad) * n) / maxN;
  const y = (t) => height - pad - ((height - 2 * pad) * t) / maxT;
  const series = [
    ['numberplane up', (r) => r.numberplane.up, '#d62728', ''],
    ['no-op up', (r) => r.noop.up, '#d62728', '6 4'],
    ['no-op (by reference) up', (r) => r.noopref.up, '#7f7f7f', '2 3'],
    ['numberplane preview', (r) => r.numberplane.preview, '#1f77b4', ''],
    ['no-op preview', (r) => r.noop.preview, '#1f77b4', '6 4'],
    ['no-op (by reference) preview', (r) => r.noopref.preview, '#17becf', '2 3'],
  ];
  const lines = series.map(([label, pick, color, dash], i) => {
    const points = rows.map((r) => `${x(r.n).toFixed(1)},${y(pick(r)).toFixed(1)}`).join(' ');
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${points}"/>` +
      `<text x="${pad + 12}" y="${pad + 16 * i}" fill="${color}" font-size="12">${dash ? '- - ' : '—— '}${label}</text>`
    );
  });
  const ticks = rows.map(
    (r) =>
      `<text x="${x(r.n)}" y="${height - pad + 18}" font-size="11" text-anchor="middle">${r.n}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="black"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="black"/>
<text x="${width / 2}" y="${height - 10}" font-size="12" text-anchor="middle">resources (N)</text>
<text x="14" y="${height / 2}" font-size="12" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">seconds (median)</text>
<text x="${pad - 6}" y="${pad + 4}" font-size="11" text-anchor="end">${maxT.toFixed(0)}</text>
<text x="${pad - 6}" y="${height - pad}" font-size="11" text-anchor="end">0</text>
${ticks.join('\n')}
${lines.join('\n')}
</svg>
`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-bench-'));
  const variants = VARIANTS.map((variant) => ({
    name: variant.name,
    dir: project(dir, variant),
    state: join(dir, `${variant.name}-state`),
    home: join(dir, `${variant.name}-home`),
  }));
  for (const variant of variants) {
    mkdirSync(variant.state, { recursive: true });
    mkdirSync(variant.home, { recursive: true });
  }
  // The provider's embedded store (the project directory's default): room for every N.
  const store = EmbeddedClient.open(
    `file:${join(variants[0].dir, '.numberplane', 'simulator.db')}`,
    {
      apiKey: DEFAULT_API_KEY,
      adminKey: DEFAULT_ADMIN_KEY,
    },
  );
  await store.admin('UpdateAccount', { id: 'default', body: { numberQuota: 100000 } });
  await store.close();

  const rows = [];
  try {
    for (const n of SIZES) {
      const samples = Object.fromEntries(VARIANTS.map(({ name }) => [name, []]));
      for (let run = 0; run < RUNS; run++) {
        // Alternate which goes first, so neither always meets a warm or a cold machine.
        const order = run % 2 === 0 ? variants : [...variants].reverse();
        for (const variant of order) {
          const times = await timedRun(variant, n, run);
          samples[variant.name].push(times);
          process.stderr.write(
            `N=${n} run ${run + 1}/${RUNS} ${variant.name}: ${OPERATIONS.map((op) => `${op} ${times[op].toFixed(1)}s`).join(', ')}\n`,
          );
        }
      }
      const summarize = (list) =>
        Object.fromEntries(
          [...OPERATIONS, 'stateBytesPerResource', 'providerBytesPerResource'].map((key) => [
            key,
            median(list.map((t) => t[key])),
          ]),
        );
      rows.push({
        n,
        ...Object.fromEntries(VARIANTS.map(({ name }) => [name, summarize(samples[name])])),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let throughput = '';
  try {
    execFileSync(process.execPath, [join(__dirname, 'simulator-throughput.js')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    throughput = readFileSync(join(root, 'bench/results/simulator-throughput.md'), 'utf8');
  } catch (error) {
    throughput = `(simulator throughput failed: ${error.message})\n`;
  }

  const table = [
    `Engine benchmark: ${new Date().toISOString()}, ${cpus().length} cores, Node.js ${process.version}, pulumi v${process.env.PULUMI_VERSION ?? '3.248.0'}, ${RUNS} run(s) per variant, medians, seconds.`,
    "numberplane: the four resources on the embedded simulator, the package installed under node_modules. no-op: a dynamic provider that does nothing, same inputs, written inline in the program (the floor). no-op (ref): the same provider kept in a package under node_modules, so that its state holds a require() as numberplane's does.",
    '',
    '| N | operation | numberplane | no-op | ratio | no-op (ref) | ratio to it |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.flatMap((row) =>
      OPERATIONS.map(
        (op) =>
          `| ${row.n} | ${op} | ${row.numberplane[op].toFixed(2)} | ${row.noop[op].toFixed(2)} | ${ratio(row.numberplane[op], row.noop[op])} | ${row.noopref[op].toFixed(2)} | ${ratio(row.numberplane[op], row.noopref[op])} |`,
      ),
    ),
    '',
    '| N | bytes of state / resource: numberplane | no-op | ratio | no-op (ref) | `__provider` bytes / resource: numberplane | no-op | no-op (ref) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.n} | ${Math.round(row.numberplane.stateBytesPerResource)} | ${Math.round(row.noop.stateBytesPerResource)} | ${ratio(row.numberplane.stateBytesPerResource, row.noop.stateBytesPerResource)} | ${Math.round(row.noopref.stateBytesPerResource)} | ${Math.round(row.numberplane.providerBytesPerResource)} | ${Math.round(row.noop.providerBytesPerResource)} | ${Math.round(row.noopref.providerBytesPerResource)} |`,
    ),
    '',
    '![time against N](engine.svg)',
    '',
    '## Simulator throughput (same run)',
    '',
    throughput,
  ].join('\n');
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/engine.md'), `${table}\n`);
  writeFileSync(join(root, 'bench/results/engine.svg'), chart(rows));
  process.stdout.write(`${table}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});

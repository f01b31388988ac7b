#!/usr/bin/env node
// `npm run bench:simulator`: does the simulator slow down as its store grows? Requests per
// second of DescribePhoneNumber, claim+release (CreatePhoneNumber then ReleasePhoneNumber)
// and RouteCall with 100 and with 10,000 numbers already in the store, embedded
// (in-process, one caller) and over HTTP (a `numberplane serve` process, 16 concurrent
// callers), each with the ratio 10,000 / 100; and the resident memory (VmRSS) of
// `numberplane serve` empty and holding 10,000 numbers. Prints a Markdown report and
// writes it to bench/results/simulator-throughput.md.
//
// The compiled code comes from dist/ of the repository, or of NUMBERPLANE_BENCH_ROOT
// (a directory with dist/, bin/ and node_modules/) when set.
const { spawn } = require('node:child_process');
const {
  copyFileSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
} = require('node:fs');
const { tmpdir, cpus, loadavg } = require('node:os');
const { join } = require('node:path');

const root = process.env.NUMBERPLANE_BENCH_ROOT ?? join(__dirname, '..');
const dist = (path) => require(join(root, 'dist/provider', path));
const { Simulator, DEFAULT_API_KEY, DEFAULT_ADMIN_KEY } = dist('simulator/service/simulator.js');
const { HttpClient } = dist('client/http-client.js');
const { EmbeddedClient } = dist('client/embedded-client.js');
const { listAll } = dist('client/list-all.js');

const SIZES = [100, 10_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const DESCRIBES = Number(process.env.BENCH_DESCRIBES ?? 1500);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 1500);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 200);
const CONCURRENCY = 16;
// 25 area codes of 10,000 numbers each: 10,000 numbers fill each block to 4%.
const AREA_CODES = Array.from({ length: 25 }, (_, i) => String(201 + i * 4));
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const keys = { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY };

const claim = (i, extra = {}) => ({
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['SMS', 'VOICE'],
  productType: 'VoiceConnector',
  areaCode: AREA_CODES[i % AREA_CODES.length],
  ...extra,
});

/**
 * Runs `work` `count` times on `concurrency` callers; calls per second (wall clock) and
 * CPU microseconds per call of the process that does the work (`cpu()`: this process when
 * embedded, the server when over HTTP). The machine may be shared: CPU per call does not
 * count the time other processes held the cores, so it is the steadier figure.
 */
async function timed(count, concurrency, work, cpu = ownCpu) {
  let next = 0;
  const cpuBefore = cpu();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: count / seconds, cpuMicros: (cpu() - cpuBefore) / count };
}

/** CPU time of this process, in microseconds. */
function ownCpu() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU time of another process, in microseconds, from /proc/PID/stat (clock ticks of 10 ms). */
function cpuOf(pid) {
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * A store file holding `size` numbers, every one assigned to a group of three connectors
 * in three regions (so a routed call tries them by priority); one region is in outage, so
 * routing fails over. Seeded in-process; returns the file and the seeded numbers.
 */
async function seedStore(path, size) {
  const simulator = Simulator.open({ path });
  const client = new EmbeddedClient(simulator, keys, false);
  await client.admin('UpdateAccount', { id: 'default', body: { numberQuota: 100_000 } });
  const connectors = [];
  for (const [i, awsRegion] of REGIONS.entries()) {
    connectors.push(
      await client.call('CreateVoiceConnector', { body: { name: `vc-${i}`, awsRegion } }),
    );
  }
  const group = await client.call('CreateVoiceConnectorGroup', {
    body: {
      name: 'main',
      connectors: connectors.map((c, i) => ({
        voiceConnectorId: c.voiceConnectorId,
        priority: i + 1,
      })),
    },
  });
  await client.admin('StartOutage', { body: { awsRegion: REGIONS[0] } });
  const numbers = [];
  for (let i = 0; i < size; i++) {
    const made = await client.call('CreatePhoneNumber', {
      body: claim(i, { voiceConnectorGroupId: group.voiceConnectorGroupId }),
    });
    numbers.push({ id: made.phoneNumberId, phoneNumber: made.phoneNumber });
  }
  simulator.close();
  return numbers;
}

/** One round of the three operations against one store; calls per second of each. */
async function round({ client, cpu }, numbers, concurrency) {
  const pick = (i) => numbers[(i * 7919) % numbers.length];
  const describe = await timed(
    DESCRIBES,
    concurrency,
    (i) => client.call('DescribePhoneNumber', { id: pick(i).id }),
    cpu,
  );
  const route = await timed(
    ROUTES,
    concurrency,
    (i) => client.call('RouteCall', { body: { phoneNumber: pick(i).phoneNumber } }),
    cpu,
  );
  const pairs = await timed(
    PAIRS,
    concurrency,
    async (i) => {
      const made = await client.call('CreatePhoneNumber', { body: claim(i) });
      await client.call('ReleasePhoneNumber', { id: made.phoneNumberId });
    },
    cpu,
  );
  // Let the deletion queue expire (not timed): the store is back to its size.
  await client.admin('ChangeClock', { body: { action: 'advance', by: '8d' } });
  return { describe, route, pairs };
}

function startServer(dbPath) {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/numberplane.js'), 'serve', '--port', '0', '--db', dbPath],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`numberplane serve exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, endpoint: match[1] });
    });
  });
}

/** Resident and peak resident memory of a process, in MiB, from /proc/PID/status. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

async function stopServer(child) {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Alternates rounds between the stores (and which goes first) so that drift of the machine
 * hits both sizes alike; the median of the rounds of each.
 */
async function measure(transport, clientsBySize, numbersBySize, concurrency) {
  const results = Object.fromEntries(SIZES.map((size) => [size, []]));
  // Warm-up: JIT, statement caches, connections.
  for (const size of SIZES) {
    const { client } = clientsBySize[size];
    const numbers = numbersBySize[size];
    await timed(500, concurrency, (i) =>
      client.call('DescribePhoneNumber', { id: numbers[i % numbers.length].id }),
    );
    await timed(500, concurrency, (i) =>
      client.call('RouteCall', { body: { phoneNumber: numbers[i % numbers.length].phoneNumber } }),
    );
  }
  // Warm-up of the claim path too: one round each, not counted.
  for (const size of SIZES) await round(clientsBySize[size], numbersBySize[size], concurrency);
  for (let r = 0; r < ROUNDS; r++) {
    // Which store goes first alternates, so that drift within a round favours neither.
    for (const size of r % 2 === 0 ? SIZES : [...SIZES].reverse()) {
      results[size].push(await round(clientsBySize[size], numbersBySize[size], concurrency));
    }
  }
  const rows = [];
  for (const [key, operation] of [
    ['describe', 'DescribePhoneNumber'],
    ['pairs', 'claim+release (one pair = both calls)'],
    ['route', 'RouteCall (fails over past a region in outage)'],
  ]) {
    const [small, large] = SIZES.map((size) => ({
      perSecond: median(results[size].map((x) => x[key].perSecond)),
      cpuMicros: median(results[size].map((x) => x[key].cpuMicros)),
    }));
    rows.push({ transport, operation, small, large });
  }
  return rows;
}

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-bench-'));
  const rows = [];
  const memory = [];
  const listing = [];
  try {
    const numbersBySize = {};
    for (const size of SIZES) {
      numbersBySize[size] = await seedStore(join(dir, `seed-${size}.db`), size);
      for (const copy of ['embedded', 'http']) {
        copyFileSync(join(dir, `seed-${size}.db`), join(dir, `${copy}-${size}.db`));
      }
    }
    process.stderr.write(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const simulators = {};
    const embedded = {};
    for (const size of SIZES) {
      simulators[size] = Simulator.open({ path: join(dir, `embedded-${size}.db`) });
      embedded[size] = { client: new EmbeddedClient(simulators[size], keys, false), cpu: ownCpu };
    }
    rows.push(...(await measure('embedded', embedded, numbersBySize, 1)));
    for (const size of SIZES) {
      const begun = process.hrtime.bigint();
      const items = await listAll(embedded[size].client, 'ListPhoneNumbers');
      const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
      listing.push({ size, count: items.length, pages: Math.ceil(items.length / 100), seconds });
      simulators[size].close();
    }

    const empty = await startServer(join(dir, 'http-empty.db'));
    const servers = {};
    try {
      const emptyClient = new HttpClient({ endpoint: empty.endpoint, ...keys });
      await timed(2000, CONCURRENCY, () => emptyClient.call('ListPhoneNumbers', {}), ownCpu);
      memory.push({ store: 'empty (after 2,000 list calls)', ...memoryOf(empty.child.pid) });
      await stopServer(empty.child);

      const http = {};
      for (const size of SIZES) {
        servers[size] = await startServer(join(dir, `http-${size}.db`));
        http[size] = {
          client: new HttpClient({ endpoint: servers[size].endpoint, ...keys }),
          cpu: cpuOf(servers[size].child.pid),
        };
      }
      rows.push(...(await measure('http', http, numbersBySize, CONCURRENCY)));
      for (const size of SIZES) {
        memory.push({
          store: `${size.toLocaleString('en-US')} numbers (after the run)`,
          ...memoryOf(servers[size].child.pid),
        });
      }
    } finally {
      for (const server of Object.values(servers)) await stopServer(server.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const lines = [
    `Simulator throughput by store size on ${cpus().length} cores, Node.js ${process.version}, ${new Date().toISOString()}`,
    '',
    `Each store holds N SIMULATOR numbers (25 area codes), all assigned to one voice connector group of three connectors, one region in outage. Embedded: one caller, in-process. HTTP: ${CONCURRENCY} concurrent callers against a \`numberplane serve\` process per store. Median of ${ROUNDS} rounds after one of warm-up, rounds alternating between the stores (and which goes first) (${DESCRIBES} describes of numbers spread over the store, ${ROUTES} routed calls, ${PAIRS} claim+release pairs per round; the deletion queue is expired between rounds so the store stays at N).`,
    '',
    '| transport | operation | calls/s, N = 100 | calls/s, N = 10,000 | throughput ratio 10,000 / 100 | CPU µs/call, N = 100 | CPU µs/call, N = 10,000 | CPU-cost ratio 100 / 10,000 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.transport} | ${r.operation} | ${fmt(r.small.perSecond)} | ${fmt(r.large.perSecond)} | ${(r.large.perSecond / r.small.perSecond).toFixed(3)} | ${fmt(r.small.cpuMicros)} | ${fmt(r.large.cpuMicros)} | ${(r.small.cpuMicros / r.large.cpuMicros).toFixed(3)} |`,
    ),
    '',
    `Ratios are 10,000 over 100 as throughput (1.000: no slower; the goal is at least 0.900); the CPU-cost ratio is that of CPU time per call, inverted to read the same way. Embedded CPU is the whole bench process; HTTP CPU is the server's alone. Load average of the machine at the start: ${loadAtStart
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
    '',
    'Memory of `numberplane serve` (from /proc/PID/status):',
    '',
    '| store | VmRSS MiB | VmHWM (peak) MiB |',
    '| --- | ---: | ---: |',
    ...memory.map((m) => `| ${m.store} | ${m.rss.toFixed(1)} | ${m.hwm.toFixed(1)} |`),
    '',
    'Listing every number, embedded, in pages of 100 (`listAll`):',
    '',
    '| numbers | pages | seconds | numbers/s |',
    '| ---: | ---: | ---: | ---: |',
    ...listing.map(
      (l) =>
        `| ${fmt(l.count)} | ${l.pages} | ${l.seconds.toFixed(3)} | ${fmt(l.count / l.seconds)} |`,
    ),
    '',
    `Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
  ];
  const text = lines.join('\n');
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results/simulator-throughput.md'), text);
  process.stdout.write(text);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});

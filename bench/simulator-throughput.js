#!/usr/bin/env node
// `npm run bench:simulator`: requests per second of the simulator for describe and for
// claim+release, embedded (in-process) and over HTTP (a `numberplane serve` process),
// each against a floor measured in the same run: a bare SQLite transaction (embedded)
// and GET /healthz (HTTP). Prints a Markdown table and writes it to bench/results/.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { tmpdir, cpus } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { Simulator, DEFAULT_API_KEY, DEFAULT_ADMIN_KEY } = require(
  join(root, 'dist/provider/simulator/service/simulator.js'),
);
const { HttpClient } = require(join(root, 'dist/provider/client/http-client.js'));

const DESCRIBES = Number(process.env.BENCH_DESCRIBES ?? 4000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 1000);
const CONCURRENCY = 16;
const AREA_CODES = ['206', '212', '312', '415', '503', '617', '702', '808'];
const claim = (i) => ({
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['SMS'],
  areaCode: AREA_CODES[i % AREA_CODES.length],
});

async function timed(count, concurrency, work) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { count, seconds, perSecond: count / seconds };
}

function startServer(dbPath) {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/numberplane.js'), 'serve', '--port', '0', '--db', dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, endpoint: match[1] });
    });
  });
}

async function measure(transport, client, floor) {
  await client.admin('UpdateAccount', { id: 'default', body: { numberQuota: 100000 } });
  const seed = await client.call('CreatePhoneNumber', { body: claim(0) });
  const rows = [];
  await floor(); // warm-up: JIT, connections
  await timed(500, transport === 'http' ? CONCURRENCY : 1, () =>
    client.call('DescribePhoneNumber', { id: seed.phoneNumberId }),
  );
  const floorResult = await floor();
  rows.push({ transport, operation: floorResult.name, ...floorResult.result });
  const describe = await timed(DESCRIBES, transport === 'http' ? CONCURRENCY : 1, () =>
    client.call('DescribePhoneNumber', { id: seed.phoneNumberId }),
  );
  rows.push({ transport, operation: 'DescribePhoneNumber', ...describe });
  const pairs = await timed(PAIRS, transport === 'http' ? CONCURRENCY : 1, async (i) => {
    const made = await client.call('CreatePhoneNumber', { body: claim(i + 1) });
    await client.call('ReleasePhoneNumber', { id: made.phoneNumberId });
  });
  rows.push({ transport, operation: 'claim+release (one call = both requests)', ...pairs });
  return rows.map((row) => ({ ...row, ratio: row.perSecond / floorResult.result.perSecond }));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-bench-'));
  const rows = [];
  try {
    const simulator = Simulator.open({ path: join(dir, 'embedded.db') });
    const { EmbeddedClient } = require(join(root, 'dist/provider/client/embedded-client.js'));
    const embedded = new EmbeddedClient(
      simulator,
      { apiKey: DEFAULT_API_KEY, adminKey: DEFAULT_ADMIN_KEY },
      false,
    );
    rows.push(
      ...(await measure('embedded', embedded, async () => ({
        name: 'floor: empty SQLite transaction',
        result: await timed(DESCRIBES, 1, async () =>
          simulator.transaction(() => simulator.db.prepare('SELECT 1').get()),
        ),
      }))),
    );
    simulator.close();

    const { child, endpoint } = await startServer(join(dir, 'http.db'));
    try {
      const http = new HttpClient({
        endpoint,
        apiKey: DEFAULT_API_KEY,
        adminKey: DEFAULT_ADMIN_KEY,
      });
      rows.push(
        ...(await measure('http', http, async () => ({
          name: 'floor: GET /healthz',
          result: await timed(DESCRIBES, CONCURRENCY, async () =>
            (await fetch(`${endpoint}/healthz`)).text(),
          ),
        }))),
      );
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = [
    `Simulator throughput on ${cpus().length} cores, Node.js ${process.version}, ${new Date().toISOString()}`,
    `(embedded: one caller; HTTP: ${CONCURRENCY} concurrent callers against a separate \`numberplane serve\` process)`,
    '',
    '| transport | operation | calls | seconds | calls/s | ratio to floor |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.transport} | ${r.operation} | ${r.count} | ${r.seconds.toFixed(2)} | ${Math.round(r.perSecond)} | ${r.ratio.toFixed(3)} |`,
    ),
    '',
  ];
  const text = lines.join('\n');
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/simulator-throughput.md'), text);
  process.stdout.write(text);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';

/**
 * The layers of provider/, lowest first: a module may import from its own layer and the
 * layers below it, never from one above. Written here once; the README's layout section
 * describes the same order.
 */
const LAYERS = [
  'model',
  'api',
  'simulator/domain',
  'simulator/store',
  'simulator/service',
  'simulator/http',
  'client',
  'resources',
  'engine',
  'plugin',
  'inventory',
  'ci',
  'cli',
  'index.ts',
];

const providerDir = join(findPackageRoot(), 'provider');

function layerOf(file: string): number {
  const path = relative(providerDir, file);
  const index = LAYERS.findIndex((layer) => path === layer || path.startsWith(`${layer}/`));
  if (index < 0) throw new Error(`provider/${path} is in no layer; add its folder to LAYERS`);
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and requires of modules in a module's text, resolved to the files they name. */
function importsIn(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\bfrom '(\.[^']+)'/g),
    ...text.matchAll(/\brequire\('(\.[^']+)'\)/g),
    ...text.matchAll(/\bimport\('(\.[^']+)'\)/g),
  ].map((match) => String(match[1]));
  // A JSON file (the package schema) is data, in no layer.
  return specifiers
    .filter((specifier) => !specifier.endsWith('.json'))
    .map((specifier) => `${resolve(dirname(file), specifier)}.ts`);
}

/** Each import of `file` (whose text is `text`) that reaches up a layer, said for people. */
function upwardImports(file: string, text: string): string[] {
  return importsIn(file, text)
    .filter((target) => layerOf(target) > layerOf(file))
    .map(
      (target) =>
        `${relative(providerDir, file)} (${LAYERS[layerOf(file)]}) imports ${relative(providerDir, target)} (${LAYERS[layerOf(target)]})`,
    );
}

/**
 * The modules above the simulator that run it in their own process: the embedded client
 * opens a store, `serve` listens with it. Everything else learns the API from provider/api/.
 */
const IN_PROCESS_USES = [
  'client/embedded-client.ts',
  'cli/serve-command.ts',
  'cli/request-log-file.ts',
];

const isSimulator = (file: string): boolean =>
  relative(providerDir, file).startsWith(`simulator${sep}`);

/** Each import of the simulator's internals from outside it that is not an in-process use. */
function reachIns(file: string, text: string): string[] {
  if (isSimulator(file) || IN_PROCESS_USES.includes(relative(providerDir, file))) return [];
  return importsIn(file, text)
    .filter(isSimulator)
    .map((target) => `${relative(providerDir, file)} imports ${relative(providerDir, target)}`);
}

/** Every module `file` loads, following relative imports (type-only ones are erased, skipped). */
function loadedBy(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8').replace(/^import type [^;]*;$/gms, '');
  for (const target of importsIn(file, text)) loadedBy(target, seen);
  return seen;
}

describe('the layers of provider/', () => {
  const files = sources(providerDir);

  it('put every module in a layer', () => {
    for (const file of files) expect(() => layerOf(file)).not.toThrow();
  });

  it('never import from a higher layer', () => {
    const upward = files.flatMap((file) => upwardImports(file, readFileSync(file, 'utf8')));
    expect(upward).toEqual([]);
  });

  it('learn the API from provider/api/, never from the simulator, outside its in-process uses', () => {
    expect(files.flatMap((file) => reachIns(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catch a reach-in to the simulator, and let the embedded client open one', () => {
    const hooks = join(providerDir, 'resources', 'hooks', 'retry.ts');
    expect(
      reachIns(hooks, "import { SimulatorError } from '../../simulator/domain/errors';"),
    ).toEqual([`resources${sep}hooks${sep}retry.ts imports simulator${sep}domain${sep}errors.ts`]);
    expect(reachIns(hooks, "import { SimulatorError } from '../../api/errors';")).toEqual([]);
    const embedded = join(providerDir, 'client', 'embedded-client.ts');
    expect(
      reachIns(embedded, "import { Simulator } from '../simulator/service/simulator';"),
    ).toEqual([]);
  });

  it('let the HTTP client run without loading the simulator or SQLite', () => {
    const loaded = [...loadedBy(join(providerDir, 'client', 'http-client.ts'))];
    expect(loaded.filter(isSimulator).map((file) => relative(providerDir, file))).toEqual([]);
    // The walk follows imports: the embedded client's reaches the store.
    const embedded = [...loadedBy(join(providerDir, 'client', 'embedded-client.ts'))];
    expect(embedded.map((file) => relative(providerDir, file))).toContain(
      join('simulator', 'store', 'database.ts'),
    );
  });

  it('catch an import or require that reaches up, and let one that reaches down pass', () => {
    const service = join(providerDir, 'simulator', 'service', 'simulator.ts');
    expect(upwardImports(service, "import { runCli } from '../../cli/main';")).toEqual([
      'simulator/service/simulator.ts (simulator/service) imports cli/main.ts (cli)',
    ]);
    expect(upwardImports(service, "const c = require('../../client/http-client');")).toEqual([
      'simulator/service/simulator.ts (simulator/service) imports client/http-client.ts (client)',
    ]);
    expect(upwardImports(service, "import { validation } from '../domain/errors';")).toEqual([]);
  });
});

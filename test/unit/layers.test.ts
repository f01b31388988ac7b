import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';

/**
 * The layers of provider/, lowest first: a module may import from its own layer and the
 * layers below it, never from one above. Written here once; the README's layout section
 * describes the same order.
 */
const LAYERS = [
  'model',
  'simulator/domain',
  'simulator/store',
  'simulator/service',
  'simulator/http',
  'client',
  'resources',
  'engine',
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

/** Relative imports and requires in a module's text, resolved to the files they name. */
function importsIn(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\bfrom '(\.[^']+)'/g),
    ...text.matchAll(/\brequire\('(\.[^']+)'\)/g),
    ...text.matchAll(/\bimport\('(\.[^']+)'\)/g),
  ].map((match) => String(match[1]));
  return specifiers.map((specifier) => `${resolve(dirname(file), specifier)}.ts`);
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

describe('the layers of provider/', () => {
  const files = sources(providerDir);

  it('put every module in a layer', () => {
    for (const file of files) expect(() => layerOf(file)).not.toThrow();
  });

  it('never import from a higher layer', () => {
    const upward = files.flatMap((file) => upwardImports(file, readFileSync(file, 'utf8')));
    expect(upward).toEqual([]);
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

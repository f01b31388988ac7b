import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';

// Every resource's state names these modules (`__provider`: a require() of the providers
// when numberplane is installed, the hooks by name from a symlinked checkout), and the
// engine runs that stored code for read and delete. Renaming one strands existing stacks.
const KINDS = ['phone-number', 'voice-connector', 'voice-connector-group', 'opt-out-list'];
const root = findPackageRoot();

/** Each stored module (its path under provider/, no extension) and the exports state code calls. */
const STORED: [string, string[]][] = [
  ...KINDS.map((kind): [string, string[]] => [
    `resources/providers/${kind}-provider`,
    ['configure', 'check', 'diff', 'create', 'read', 'update', 'delete'],
  ]),
  ...KINDS.map((kind): [string, string[]] => [
    `resources/hooks/${kind}-hooks`,
    ['check', 'diff', 'create', 'read', 'remove', ...(kind === 'opt-out-list' ? [] : ['update'])],
  ]),
  ['resources/hooks/connection', ['configure']],
  ['resources/hooks/user-facing-errors', ['userFacingHooks']],
];

describe('the module paths that state files hold', () => {
  it.each(STORED)('%s stays where stored providers look for it, source and build', (path) => {
    expect(existsSync(join(root, 'provider', `${path}.ts`))).toBe(true);
    expect(existsSync(join(root, 'dist', 'provider', `${path}.js`))).toBe(true);
  });

  it.each(STORED)('%s (built) still exports what stored code calls', (path, names) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(root, 'dist', 'provider', `${path}.js`)) as Record<
      string,
      unknown
    >;
    for (const name of names) expect(typeof exported[name]).toBe('function');
  });
});

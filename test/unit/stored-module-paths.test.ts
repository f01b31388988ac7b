import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../provider/engine/engine-location';

// Every resource's state names these modules (`__provider`: a require() of the providers
// when numberplane is installed, the hooks by name from a symlinked checkout), and the
// engine runs that stored code for read and delete. Renaming one strands existing stacks.
const KINDS = ['phone-number', 'voice-connector', 'voice-connector-group', 'opt-out-list'];
const STORED_PATHS = [
  ...KINDS.map((kind) => `provider/resources/providers/${kind}-provider.ts`),
  ...KINDS.map((kind) => `provider/resources/hooks/${kind}-hooks.ts`),
  'provider/resources/hooks/connection.ts',
  'provider/resources/hooks/user-facing-errors.ts',
];

describe('the module paths that state files hold', () => {
  it.each(STORED_PATHS)('%s stays where stored providers look for it', (path) => {
    expect(existsSync(join(findPackageRoot(), path))).toBe(true);
  });
});

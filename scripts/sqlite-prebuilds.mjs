// better-sqlite3 compiled once per version and Node.js ABI, not at every `npm install`.
// No prebuilt binary can be downloaded here, so its installer (prebuild-install, then
// node-gyp) compiles SQLite at every install: about a minute on two cores, three times in a
// CI run (the checkout, then one workspace per Node.js of test:compat). prebuild-install
// first looks in the folder of local prebuilds named by the npm config variable
// `better_sqlite3_local_prebuilds` (its README: "the `<package name>_local_prebuilds` .npmrc
// variable"; npm hands it to install scripts as npm_config_better_sqlite3_local_prebuilds),
// then downloads, then compiles. So installs set that variable to a folder in the
// numberplane cache, and after each install the binary npm built is packed there under the
// name prebuild-install looks for. npm 11 warns "Unknown env config" about it and installs
// as told. prebuild-install loads an unpacked binary before it takes it; one that fails to
// load is compiled again.
// Plain Node.js: it runs before node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, log } from './toolchain.mjs';

const PACKAGE = 'better-sqlite3';
const BINARY = 'build/Release/better_sqlite3.node';

function prebuildsDir() {
  return join(cacheRoot(), 'prebuilds');
}

/** The npm config variable that points better-sqlite3's installer at the cached prebuilds. */
export function prebuildInstallEnv() {
  return { npm_config_better_sqlite3_local_prebuilds: prebuildsDir() };
}

/** What `node` reports of itself: the ABI and platform a prebuild's name holds. */
function nodeTarget(node) {
  const result = spawnSync(
    node,
    ['-p', 'JSON.stringify([process.versions.modules, process.platform, process.arch])'],
    { encoding: 'utf8' },
  );
  return result.status === 0 ? JSON.parse(result.stdout) : undefined;
}

/**
 * Packs the better-sqlite3 binary that `npm install` left in `projectDir` into the cache,
 * named as prebuild-install names prebuilds (glibc Linux, macOS: no libc part), unless it is
 * there already. `node` is the Node.js the install ran under.
 */
export function keepSqlitePrebuild(projectDir, node) {
  const packageDir = join(projectDir, 'node_modules', PACKAGE);
  if (!existsSync(join(packageDir, BINARY))) return;
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const target = nodeTarget(node);
  if (!target) return;
  const [abi, platform, arch] = target;
  const file = join(
    prebuildsDir(),
    `${PACKAGE}-v${version}-node-v${abi}-${platform}-${arch}.tar.gz`,
  );
  if (existsSync(file)) return;
  mkdirSync(prebuildsDir(), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const packed = spawnSync('tar', ['-czf', partial, BINARY], { cwd: packageDir });
  if (packed.status !== 0) return;
  renameSync(partial, file);
  log(`kept ${PACKAGE} v${version} for Node.js ABI ${abi} in ${file}: later installs reuse it`);
}

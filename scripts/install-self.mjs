#!/usr/bin/env node
// `npm run build` ends here. Programs in this repo (examples, test projects, the bench, the
// root project) load numberplane by package name, as a user's program does. This puts a
// copy of what the package publishes (package.json `files`) at node_modules/numberplane,
// so they load it from under node_modules exactly as after `npm install numberplane`.
// That matters beyond realism: Pulumi stores a dynamic provider whose module lives under
// node_modules as a one-line require("numberplane/…") in every resource's state, and one
// anywhere else (a symlinked checkout) as its whole code, several times larger.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'node_modules', 'numberplane');
const staging = join(root, 'node_modules', `.numberplane-staging-${process.pid}`);
const { files } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Build the copy aside, then swap it in, so a reader never meets half a package.
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
for (const entry of ['package.json', ...files]) {
  cpSync(join(root, entry), join(staging, entry), { recursive: true });
}
rmSync(target, { recursive: true, force: true }); // an older checkout's symlink too
renameSync(staging, target);

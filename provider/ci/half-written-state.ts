import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The engine's local backend writes each state file through a temporary file that it renames
 * into place, but it writes the `.attrs` file beside it (checksum, content type) in place.
 * A run killed inside that window leaves an empty or cut-off `.attrs` file, and from then on
 * every `pulumi` command on the stack fails with `failed to load checkpoint: EOF`; the state
 * file itself is whole. A missing `.attrs` file is read as "no attributes", so removing the
 * broken one, and the temporary file the dead run never renamed, makes the stack readable.
 */
function broken(attrsFile: string): boolean {
  try {
    const attrs: unknown = JSON.parse(readFileSync(attrsFile, 'utf8'));
    return typeof attrs !== 'object' || attrs === null;
  } catch {
    return true;
  }
}

/** The folders that hold one stack's files in a project-scoped local backend. */
function stackFolders(stateDir: string, project: string, stack: string): string[] {
  const pulumi = join(stateDir, '.pulumi');
  return [
    join(pulumi, 'stacks', project),
    join(pulumi, 'history', project, stack),
    join(pulumi, 'backups', project, stack),
  ];
}

/**
 * Removes what a run killed while it saved left half-written for `stack`: `.attrs` files that
 * are empty or not JSON, and temporary files that were never renamed into place. Call it only
 * when no run is using the stack. Returns the files removed, relative to `stateDir`.
 */
export function removeHalfWrittenState(stateDir: string, project: string, stack: string): string[] {
  const removed: string[] = [];
  const name = stack.replace(/[.]/g, '\\.');
  const ownFile = new RegExp(
    `^${name}\\.json(\\.gz|\\.zst)?(\\.bak)?(\\.attrs|\\.[0-9a-f]+\\.tmp)$`,
  );
  for (const folder of stackFolders(stateDir, project, stack)) {
    if (!existsSync(folder)) continue;
    const inStacks = folder.endsWith(join('stacks', project));
    for (const entry of readdirSync(folder).sort()) {
      // In the stacks folder, only this stack's files (`STACK.json`, `.bak`, `.gz`, …).
      if (inStacks && !ownFile.test(entry)) continue;
      const file = join(folder, entry);
      const leftover =
        /\.[0-9a-f]+\.tmp$/.test(entry) || (entry.endsWith('.attrs') && broken(file));
      if (!leftover) continue;
      rmSync(file, { force: true });
      removed.push(file.slice(stateDir.length + 1));
    }
  }
  return removed;
}

import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { alive } from './stack-lock';

/** The project's name, as Pulumi.yaml declares it. */
export function projectName(projectDir: string): string | undefined {
  try {
    const text = readFileSync(join(projectDir, 'Pulumi.yaml'), 'utf8');
    const name = (parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined; // the engine reports a broken Pulumi.yaml in its own words
  }
}

/**
 * Removes the lock files the engine left in a local state directory for this stack when its
 * process died (`pulumi cancel` does the same, for every lock). Only a lock made on this
 * machine by a process that is gone is removed; a live run, or one on another machine,
 * keeps its lock and the engine refuses this run, as it should. Returns how many it removed
 * and how many it kept.
 */
export function removeDeadEngineLocks(
  stateDir: string,
  projectDir: string,
  stack: string,
): { removed: number; kept: number } {
  const project = projectName(projectDir);
  const locks = join(stateDir, '.pulumi', 'locks');
  let removed = 0;
  let kept = 0;
  if (!project || !existsSync(locks)) return { removed, kept };
  for (const org of readdirSync(locks)) {
    const dir = join(locks, org, project, stack);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.json'))) {
      let lock: { pid?: unknown; hostname?: unknown } = {};
      try {
        lock = JSON.parse(readFileSync(join(dir, file), 'utf8')) as typeof lock;
      } catch {
        kept++;
        continue;
      }
      if (lock.hostname !== hostname() || typeof lock.pid !== 'number' || alive(lock.pid)) {
        kept++;
        continue;
      }
      rmSync(join(dir, file), { force: true });
      removed++;
    }
  }
  return { removed, kept };
}

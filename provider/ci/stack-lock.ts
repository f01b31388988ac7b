import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CiError } from './ci-errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One numberplane run per stack of a local state directory: a second run fails at once,
 * before the engine starts, naming the run that holds the stack. A lock left by a run that
 * died is taken over. Returns the release function.
 */
export function acquireStackLock(stateDir: string, stack: string): () => void {
  const dir = join(stateDir, '.numberplane-locks');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${stack}.lock`);
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // unreadable: treat as stale
      }
      if (typeof holder.pid === 'number' && alive(holder.pid)) {
        throw new CiError(
          'stack-locked',
          `stack ${stack} is in use by another numberplane run (pid ${holder.pid}, since ${holder.since}); wait for it to finish, or delete ${file} if that process is gone`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new CiError('stack-locked', `could not lock stack ${stack}; try again`);
}

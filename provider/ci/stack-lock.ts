import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CiError } from './ci-errors';

/** Whether process `pid` runs on this machine (a killed one not yet reaped does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc here: kill() said it is there
  }
}

/** The numberplane run whose lock was still there although its process had died. */
export interface InterruptedRun {
  readonly pid?: number;
  readonly since?: string;
}

export interface StackLock {
  readonly release: () => void;
  /** Set when the last run on this stack died before it finished (its lock was left behind). */
  readonly interrupted?: InterruptedRun;
}

/**
 * One numberplane run per stack of a local state directory: a second run fails at once,
 * before the engine starts, naming the run that holds the stack. A lock left by a run that
 * died is taken over, and reported: that run may have changed the backend without saving.
 */
export function acquireStackLock(stateDir: string, stack: string): StackLock {
  const dir = join(stateDir, '.numberplane-locks');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${stack}.lock`);
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  let interrupted: InterruptedRun | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return {
        release: () => rmSync(file, { force: true }),
        ...(interrupted ? { interrupted } : {}),
      };
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
      interrupted = {
        ...(typeof holder.pid === 'number' ? { pid: holder.pid } : {}),
        ...(typeof holder.since === 'string' ? { since: holder.since } : {}),
      };
      rmSync(file, { force: true });
    }
  }
  throw new CiError('stack-locked', `could not lock stack ${stack}; try again`);
}

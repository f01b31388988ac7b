import { readFileSync, readdirSync } from 'node:fs';
import { alive } from '../../provider/ci/stack-lock';

/** Every process's parent, read from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (2nd field) is in parentheses and may hold spaces; the parent follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

/**
 * SIGKILLs a process and every process below it at once, as a lost CI runner or the OOM
 * killer ends a run: the CLI, the engine, the language host, the program and the provider
 * plugin get no chance to save or clean up. Returns the processes it killed.
 */
export function killProcessTree(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [child, parent] of parents()) {
    byParent.set(parent, [...(byParent.get(parent) ?? []), child]);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...(byParent.get(next) ?? []));
  }
  for (const member of tree) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return tree;
}

/** Resolves once none of `pids` is left (killed processes are reaped by init, not by us). */
export async function gone(pids: readonly number[]): Promise<void> {
  const left = (): boolean => pids.some(alive);
  for (let round = 0; left(); round++) {
    if (round > 500) throw new Error(`processes ${pids.join(', ')} outlived SIGKILL for 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

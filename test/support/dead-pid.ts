import { spawnSync } from 'node:child_process';

/** The pid of a process that has ended (and been reaped): what a killed run leaves in its locks. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

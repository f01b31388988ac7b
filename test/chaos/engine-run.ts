import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { gone, killProcessTree } from '../scale/process-tree';

/** What to do to a run once it has reported `afterSteps` finished steps. */
export interface Disturbance {
  readonly kind: 'engine' | 'server';
  readonly afterSteps: number;
}

export interface EngineRun {
  readonly code: number | null;
  /** The disturbance happened (the run reached its step) */
  readonly disturbed: boolean;
  /** Finished steps by operation (`create`, `update`, `delete`, …), as the CI command printed them. */
  readonly steps: Record<string, number>;
  readonly stderr: string;
}

const STEP = /^([a-z-]+) (PhoneNumber|VoiceConnector|VoiceConnectorGroup|OptOutList) \S+$/;

/**
 * `node bin/numberplane.js up --stack STACK` in `project`. With an engine disturbance the
 * whole process tree (CLI, engine, language host, program, provider plugin) is SIGKILLed
 * after that many finished steps; with a server one, `killServer` runs then and the run
 * goes on against the restarted server.
 */
export function numberplaneUp(options: {
  root: string;
  project: string;
  stack: string;
  flags: readonly string[];
  env: Record<string, string>;
  disturbance?: Disturbance;
  killServer: () => Promise<void>;
}): Promise<EngineRun> {
  const { root, project, stack, flags, env, disturbance, killServer } = options;
  const args = [join(root, 'bin', 'numberplane.js'), 'up', '--stack', stack, ...flags];
  // The CI command's own state directory (its lock and the recovery need it), not the caller's.
  const { PULUMI_BACKEND_URL: _backend, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: project,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let partial = '';
    let finished = 0;
    const steps: Record<string, number> = {};
    let disturbed = false;
    let killed: number[] = [];
    let serverKill: Promise<void> = Promise.resolve();
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const op = STEP.exec(line)?.[1];
        if (op === undefined || op === 'failed') continue;
        steps[op] = (steps[op] ?? 0) + 1;
        finished++;
      }
      if (!disturbance || disturbed || finished < disturbance.afterSteps || !child.pid) return;
      disturbed = true;
      if (disturbance.kind === 'engine') killed = killProcessTree(child.pid);
      else serverKill = killServer();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      Promise.all([gone(killed), serverKill]).then(
        () => resolve({ code, disturbed, steps, stderr }),
        reject,
      );
    });
  });
}

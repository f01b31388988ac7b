import { spawn } from 'node:child_process';
import { engineEnvironment, locateEngine } from './engine-location';

/** What one `pulumi …` command printed and how it ended. */
export interface PulumiCliResult {
  /** The command as a user types it, e.g. `pulumi up --yes`. */
  readonly command: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface PulumiCliOptions {
  /** The project directory the command runs in. */
  readonly cwd: string;
  /** Added to the engine's environment (state backend, passphrase, PULUMI_HOME, …). */
  readonly env?: Record<string, string>;
}

/**
 * Runs `pulumi ARGS` in a project directory as a user types it in a shell: the CLI that
 * setup provided, found on PATH, with the official language host beside it, no update
 * checks and no plugin downloads.
 */
export function runPulumi(
  args: readonly string[],
  options: PulumiCliOptions,
): Promise<PulumiCliResult> {
  const env = { ...engineEnvironment(locateEngine()), ...(options.env ?? {}) };
  const command = ['pulumi', ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('pulumi', args, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ command, code: code ?? 1, stdout, stderr }));
  });
}

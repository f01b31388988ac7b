import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANCEL_FILE_VARIABLE } from '../resources/hooks/run-cancellation';

/**
 * The file that tells the run's provider it was cancelled (run-cancellation.ts): made when
 * `signal` aborts, named to the engine's processes by an environment variable.
 */
export function cancelFile(signal: AbortSignal | undefined): {
  env: Record<string, string>;
  dispose: () => void;
} {
  if (!signal) return { env: {}, dispose: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-run-'));
  const file = join(dir, 'cancelled');
  const cancel = (): void => writeFileSync(file, `${new Date().toISOString()}\n`);
  if (signal.aborted) cancel();
  else signal.addEventListener('abort', cancel, { once: true });
  return {
    env: { [CANCEL_FILE_VARIABLE]: file },
    dispose: () => {
      signal.removeEventListener('abort', cancel);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { existsSync } from 'node:fs';

/**
 * The environment variable naming a file that appears when the run is cancelled. The
 * engine gives a dynamic provider no cancellation (its Cancel call is a no-op in
 * `@pulumi/pulumi`, and plugins run in a process group of their own, so Ctrl-C never reaches
 * them); the CI commands set this for the runs they start and create the file on Ctrl-C or
 * SIGTERM, so a wait in the provider stops within a second instead of running its course.
 */
export const CANCEL_FILE_VARIABLE = 'NUMBERPLANE_CANCEL_FILE';

/** Whether the run this provider serves was cancelled (always false under plain `pulumi`). */
export function runCancelled(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env[CANCEL_FILE_VARIABLE];
  return typeof file === 'string' && file !== '' && existsSync(file);
}

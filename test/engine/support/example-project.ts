import { join } from 'node:path';
import { startHttpSimulator, type HttpSimulator } from './http-simulator';
import { copyCheckout, openUserShell, type UserShell } from './user-shell';

/** One example of examples/, in a copy of a fresh clone's layout, with a simulator of its own. */
export interface Example {
  shell: UserShell;
  sim: HttpSimulator;
  dir: string;
  /** `pulumi stack init NAME` and the connection to the test's simulator. */
  init(stack: string): Promise<void>;
  close(): Promise<void>;
}

/** The example's directory in that copy: the commands of its README are typed there. */
export async function openExample(name: string): Promise<Example> {
  const shell = openUserShell();
  const sim = await startHttpSimulator();
  const dir = join(copyCheckout(shell), 'examples', name);
  return {
    shell,
    sim,
    dir,
    async init(stack) {
      await shell.ok(dir, 'stack', 'init', stack);
      await shell.ok(dir, 'config', 'set', 'numberplane:endpoint', sim.endpoint);
      await shell.ok(dir, 'config', 'set', '--secret', 'numberplane:apiKey', sim.apiKey);
    },
    async close() {
      shell.cleanup();
      await sim.close();
    },
  };
}

/** `TYPE NAME` of each numberplane resource in the selected stack, sorted. */
export const kinds = async (example: Example): Promise<string[]> =>
  (await example.shell.resources(example.dir)).map((r) => `${r.type} ${r.name}`).sort();

import { join } from 'node:path';
import { startHttpSimulator, type HttpSimulator } from './http-simulator';
import { copyCheckout, initStack, openUserShell, type UserShell } from './user-shell';

/** One example of examples/, in a copy of a fresh clone's layout, with a simulator of its own. */
export interface Example {
  shell: UserShell;
  sim: HttpSimulator;
  dir: string;
  /** `pulumi stack init NAME` and the connection to the test's simulator. */
  init(stack: string): Promise<void>;
  close(): Promise<void>;
}

/** examples/NAME in a copy of a fresh clone's layout (its README's commands are typed in `dir`). */
async function openExample(name: string): Promise<Example> {
  const shell = openUserShell();
  const sim = await startHttpSimulator();
  const dir = join(copyCheckout(shell), 'examples', name);
  return {
    shell,
    sim,
    dir,
    init: (stack) => initStack(shell, dir, stack, sim),
    async close() {
      shell.cleanup();
      await sim.close();
    },
  };
}

/** Runs `test` on examples/NAME opened as above, and closes it whatever the test did. */
export async function withExample(
  name: string,
  test: (example: Example) => Promise<void>,
): Promise<void> {
  const example = await openExample(name);
  try {
    await test(example);
  } finally {
    await example.close();
  }
}

/** `TYPE NAME` of each numberplane resource in the selected stack, sorted. */
export const kinds = async (example: Example): Promise<string[]> =>
  (await example.shell.resources(example.dir)).map((r) => `${r.type} ${r.name}`).sort();

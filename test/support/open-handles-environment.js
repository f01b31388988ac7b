// The test environment of every jest config here: Node's, plus a check at the end of each
// test file that it closed what it opened. A server, socket, child process or timer left
// open keeps the jest worker alive after the run, which jest then kills with "A worker
// process has failed to exit gracefully", naming no test; this fails the file that left it,
// and says what it left. It counts the referenced handles of each kind before and after the
// file, so it checks only in a jest worker (a child process of jest's, with an IPC channel):
// run in band, in jest's own process, jest's own timers come and go beside the file's.
const { setTimeout: pause } = require('node:timers/promises');
const { TestEnvironment } = require('jest-environment-node');

/** The worker's own stdio and IPC pipes: opened lazily, by whichever file prints first. */
const WORKER_PIPES = new Set(['PipeWrap', 'TTYWrap']);
/** Handles a file may still be closing when it ends (a child's exit, a socket's FIN). */
const GRACE_MS = 2000;

/** Referenced handles by kind: the ones that keep a process from exiting. */
function activeHandles() {
  const counts = new Map();
  for (const kind of process.getActiveResourcesInfo()) {
    if (!WORKER_PIPES.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

class OpenHandlesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    this.before = typeof process.send === 'function' ? activeHandles() : undefined;
  }

  /** What is open now and was not when the file began, as `2 Timeout, 1 ProcessWrap`. */
  leftOpen() {
    return [...activeHandles()]
      .map(([kind, count]) => [kind, count - (this.before.get(kind) ?? 0)])
      .filter(([, extra]) => extra > 0)
      .map(([kind, extra]) => `${extra} ${kind}`)
      .join(', ');
  }

  async teardown() {
    if (!this.before) return super.teardown();
    let left = this.leftOpen();
    for (const deadline = Date.now() + GRACE_MS; left && Date.now() < deadline;) {
      await pause(50);
      left = this.leftOpen();
    }
    await super.teardown();
    if (left) {
      throw new Error(
        `${this.testPath} left open after its last test: ${left} (Node.js handle kinds). ` +
          'Close in afterAll or afterEach what the file opened: servers, clients, child ' +
          'processes (await their exit), timers (clear them, or unref() a timer that may ' +
          'outlive a call); `npx jest --detectOpenHandles FILE` shows where each was made.',
      );
    }
  }
}

module.exports = OpenHandlesEnvironment;

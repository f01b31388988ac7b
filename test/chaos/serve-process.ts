import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A loopback port nobody listens on now: the server keeps it across restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `numberplane serve --db DB --port PORT` as a child process, with the default keys on
 * loopback: SIGKILLed as a crash or the OOM killer would end it, and started again on the
 * same store and port.
 */
export class ServeProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly root: string,
    readonly db: string,
    readonly port: number,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The end of what every run of the server printed, for failure messages. */
  tail(): string {
    return this.output.slice(-3000);
  }

  /** Starts it and resolves once it says it listens; rejects with its output if it exits first. */
  start(): Promise<void> {
    // The caller's key variables would make a store with other keys than the defaults.
    const {
      NUMBERPLANE_API_KEY: _api,
      NUMBERPLANE_ADMIN_KEY: _admin,
      NUMBERPLANE_ENDPOINT: _endpoint,
      ...env
    } = process.env;
    const child = spawn(
      process.execPath,
      [
        join(this.root, 'bin', 'numberplane.js'),
        'serve',
        '--db',
        this.db,
        '--port',
        String(this.port),
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    return new Promise((resolve, reject) => {
      let listening = false;
      let seen = '';
      const take = (chunk: Buffer): void => {
        this.output += chunk.toString();
        seen += chunk.toString();
        if (!listening && /listening on/.test(seen)) {
          listening = true;
          resolve();
        }
      };
      child.stdout?.on('data', take);
      child.stderr?.on('data', take);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        if (!listening) {
          reject(new Error(`serve exited (${code ?? signal}) before listening:\n${this.tail()}`));
        }
      });
    });
  }

  /** SIGKILL: in-flight requests are cut off, nothing is flushed; resolves once it is gone. */
  kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return Promise.resolve();
    }
    this.output += `\n[soak: SIGKILL serve pid ${child.pid}]\n`;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

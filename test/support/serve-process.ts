import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A loopback port nobody listens on now: a server can keep it across restarts. */
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

const LISTENING =
  /listening on (\S+) \(store: [^;]+; request log: (.+), one JSON line per request\)/;

/**
 * `numberplane serve --db DB --port PORT [FLAGS]` as a child process, with the default keys
 * unless `env` sets others, as a user starts it: stopped by a signal (SIGTERM drains, SIGKILL is a crash
 * or the OOM killer) and started again on the same store and port.
 */
export class ServeProcess {
  private child: ChildProcess | undefined;
  private out = '';
  private err = '';
  private listening: RegExpExecArray | undefined;

  constructor(
    private readonly root: string,
    readonly db: string,
    /** 0 picks a free port at each start. */
    readonly port: number,
    private readonly flags: readonly string[] = [],
    /** Variables to set for it, e.g. the keys a new store is made with. */
    private readonly env: NodeJS.ProcessEnv = {},
  ) {}

  /** Where it listens, as it said so. */
  get endpoint(): string {
    return this.listening?.[1] ?? `http://127.0.0.1:${this.port}`;
  }

  /** Where it said its request log goes: a path, or `stdout`. */
  get log(): string {
    return this.listening?.[2] ?? '';
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  /** The end of what every run of the server printed, for failure messages. */
  tail(): string {
    return `${this.out}\n${this.err}`.slice(-3000);
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
    const args = ['serve', '--db', this.db, '--port', String(this.port), ...this.flags];
    const child = spawn(process.execPath, [join(this.root, 'bin', 'numberplane.js'), ...args], {
      env: { ...env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.listening = undefined;
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        this.out += chunk.toString();
        this.listening ??= LISTENING.exec(this.out) ?? undefined;
        if (this.listening) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => (this.err += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        if (!this.listening) {
          reject(new Error(`serve exited (${code ?? signal}) before listening:\n${this.tail()}`));
        }
      });
    });
  }

  /** Sends `signal` and resolves with the exit code once it is gone (null if it was killed). */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return child?.exitCode ?? null;
    }
    if (signal === 'SIGKILL') this.out += `\n[test: SIGKILL serve pid ${child.pid}]\n`;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const [code] = await exited;
    return code;
  }

  /** SIGKILL: in-flight requests are cut off, nothing is flushed; resolves once it is gone. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }
}

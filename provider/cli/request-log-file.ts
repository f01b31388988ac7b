import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { RequestLogSink } from '../simulator/http/request-log';

/** Where `serve` writes one JSON line per request, and how to finish writing. */
export interface RequestLogFile {
  readonly sink: RequestLogSink;
  /** The path, or `stdout`. */
  readonly where: string;
  close(): Promise<void>;
}

/** The default log of a store: beside it, `simulator.db` → `simulator.requests.log`. */
export function defaultRequestLogPath(store: string): string {
  return `${store.replace(/\.db$/, '')}.requests.log`;
}

/**
 * Opens `target` for appending (`-` is stdout). A log that cannot be written stops logging
 * with one message on stderr; it never stops the server.
 */
export function openRequestLog(target: string): RequestLogFile {
  const toStdout = target === '-';
  const stream: Writable = toStdout ? process.stdout : createWriteStream(target, { flags: 'a' });
  let broken = false;
  stream.on('error', (error: Error) => {
    if (broken) return;
    broken = true;
    process.stderr.write(
      `numberplane serve: cannot write the request log ${target} (${error.message}); requests are no longer logged\n`,
    );
  });
  return {
    where: toStdout ? 'stdout' : target,
    sink: (entry) => {
      if (!broken) stream.write(`${JSON.stringify(entry)}\n`);
    },
    close: () =>
      toStdout || broken
        ? Promise.resolve()
        : new Promise((resolve) => stream.end(() => resolve())),
  };
}

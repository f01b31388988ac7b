import type { ServerOptions } from 'node:http';

/**
 * How long the server waits on a client, in milliseconds. A client that sends its headers
 * slowly, trickles or withholds its body, or keeps an idle connection open is cut off;
 * Node answers the first two with 408 and closes the connection.
 */
export interface HttpTimeouts {
  /** From connecting to the end of the headers. */
  headersMs: number;
  /** From connecting to the end of the body. */
  requestMs: number;
  /** An idle kept-alive connection. */
  idleMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 5_000,
};

/** What Fastify (and the Node server under it) is given to hold those times. */
export function timeoutOptions(timeouts: HttpTimeouts): {
  requestTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
} {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.idleMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.idleMs,
      // Node checks the two timeouts above at this interval (30 s by default): check often
      // enough that a timeout is held to within a second.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    },
  };
}

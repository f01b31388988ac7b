import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One line of the request log: what a person needs to find one request again. */
export interface RequestLogEntry {
  time: string;
  level: 'info' | 'error';
  requestId: string;
  method: string;
  path: string;
  /** The operation the route runs; absent for routes that run none (health, unknown paths). */
  operation?: string;
  /** An AWS-dialect call: the service whose wire protocol it spoke, e.g. `pinpoint-sms-voice-v2`. */
  dialect?: string;
  /** An AWS-dialect call: the AWS operation, e.g. `RequestPhoneNumber`. */
  awsOperation?: string;
  /** The account the API key belongs to, `admin` for the admin surface, absent when unknown. */
  account?: string;
  /** HTTP status; absent when the connection was dropped instead of answered. */
  status?: number;
  /** The error code of an error answer. */
  code?: string;
  /** `reset-after-commit` (injected fault) or `client-aborted`; absent for plain answers. */
  outcome?: 'reset-after-commit' | 'client-aborted';
  durationMs: number;
  /** A 5xx: what failed, with its stack. */
  error?: { message: string; stack?: string };
}

export type RequestLogSink = (entry: RequestLogEntry) => void;

/** What a handler learns about its request while it runs; the log line reads it at the end. */
export interface RequestFacts {
  operation?: string;
  dialect?: string;
  awsOperation?: string;
  account?: string;
  code?: string;
  outcome?: RequestLogEntry['outcome'];
  error?: { message: string; stack?: string };
}

const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && CALLER_ID.test(given) ? given : randomUUID();
}

const facts = new WeakMap<FastifyRequest, RequestFacts>();
const started = new WeakMap<FastifyRequest, bigint>();
const logged = new WeakSet<FastifyRequest>();

/** Writes the one line of `request`; a second call (abort after a drop) writes nothing. */
function writeOnce(
  sink: RequestLogSink,
  request: FastifyRequest,
  status: number | undefined,
): void {
  if (logged.has(request)) return;
  logged.add(request);
  sink(entryFor(request, status));
}

/** The facts of `request`, made on first use. */
export function factsOf(request: FastifyRequest): RequestFacts {
  let known = facts.get(request);
  if (!known) {
    known = {};
    facts.set(request, known);
  }
  return known;
}

function entryFor(request: FastifyRequest, status: number | undefined): RequestLogEntry {
  const known = factsOf(request);
  const start = started.get(request) ?? process.hrtime.bigint();
  const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    time: new Date().toISOString(),
    level: known.error ? 'error' : 'info',
    requestId: request.id,
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    ...(known.operation !== undefined ? { operation: known.operation } : {}),
    ...(known.dialect !== undefined ? { dialect: known.dialect } : {}),
    ...(known.awsOperation !== undefined ? { awsOperation: known.awsOperation } : {}),
    ...(known.account !== undefined ? { account: known.account } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(known.code !== undefined ? { code: known.code } : {}),
    ...(known.outcome !== undefined ? { outcome: known.outcome } : {}),
    durationMs: Math.round(durationMs * 1000) / 1000,
    ...(known.error ? { error: known.error } : {}),
  };
}

/**
 * Every request gets an id, returned in `x-request-id`, and ends as one log line: answered,
 * dropped after commit (an injected reset), or abandoned by its client.
 */
export function logRequests(app: FastifyInstance, sink: RequestLogSink | undefined): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    started.set(request, process.hrtime.bigint());
    reply.header('x-request-id', request.id);
  });
  if (!sink) return;
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    writeOnce(sink, request, reply.statusCode);
  });
  app.addHook('onRequestAbort', async (request: FastifyRequest) => {
    factsOf(request).outcome ??= 'client-aborted';
    writeOnce(sink, request, undefined);
  });
}

/** Logs a request whose connection was dropped on purpose (no response, so no onResponse). */
export function logDroppedRequest(request: FastifyRequest, sink: RequestLogSink | undefined): void {
  factsOf(request).outcome = 'reset-after-commit';
  if (sink) writeOnce(sink, request, undefined);
}

/**
 * Logs an answer made outside the routes (a URL the router cannot read), where Fastify runs
 * no hooks: its line is written when the answer has been sent.
 */
export function logUnroutedAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  sink: RequestLogSink | undefined,
): void {
  started.set(request, process.hrtime.bigint());
  if (sink) reply.raw.once('finish', () => writeOnce(sink, request, reply.statusCode));
}

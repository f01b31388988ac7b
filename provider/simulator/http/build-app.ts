import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SimulatorError, validation } from '../../api/errors';
import { PHONE_NUMBER_FILTER_NAMES } from '../../api/requests';
import type { OperationInput } from '../../api/operations';
import type { Simulator } from '../service/simulator';
import {
  jsonLimitPassed,
  REQUEST_JSON_LIMITS,
  STATE_JSON_LIMITS,
  type JsonLimits,
} from './json-limits';
import { openApiDocument } from '../../api/openapi';
import {
  factsOf,
  logDroppedRequest,
  logRequests,
  logUnroutedAnswer,
  requestIdFor,
  type RequestLogSink,
} from './request-log';
import { ACCOUNT_ROUTES, ADMIN_ROUTES, PAGING_QUERY, type Route } from '../../api/routes';
import { clientErrorHandler } from './client-errors';
import { awsRoutes, isAwsSigned, sendUnknownAwsOperation } from './aws/aws-routes';
import { AWS_JSON_1_0 } from './aws/pinpoint-sms-voice-v2';
import { DEFAULT_HTTP_TIMEOUTS, timeoutOptions, type HttpTimeouts } from './timeouts';

export interface AppOptions {
  simulator: Simulator;
  /** Largest request body accepted, in bytes (state imports get 64 MiB). */
  bodyLimit?: number;
  /** Where each request's log line goes (none for tests and embedded use). */
  requestLog?: RequestLogSink;
  /** How long a slow or idle client is waited on (DEFAULT_HTTP_TIMEOUTS). */
  timeouts?: HttpTimeouts;
}

export const DEFAULT_BODY_LIMIT = 256 * 1024;
const STATE_BODY_LIMIT = 64 * 1024 * 1024;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every error answers `{ code, message, reason?, requestId }`; the id finds its log line. */
function sendError(reply: FastifyReply, error: SimulatorError): FastifyReply {
  if (error.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(error.retryAfterSeconds));
  factsOf(reply.request).code = error.code;
  reply.header('x-request-id', reply.request.id);
  return reply.code(error.httpStatus).send({
    code: error.code,
    message: error.message,
    ...(error.reason ? { reason: error.reason } : {}),
    requestId: reply.request.id,
  });
}

/** Query string → list filters and paging; unknown parameters are errors, not ignored. */
function listInput(
  route: Route<string>,
  query: Record<string, unknown>,
): Pick<OperationInput, 'filters' | 'page'> {
  const filters: Record<string, string[]> = {};
  const page: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const text = Array.isArray(raw) ? raw.join(',') : String(raw);
    if ((PAGING_QUERY as readonly string[]).includes(key)) {
      page[key] = key === 'maxResults' && /^\d+$/.test(text) ? Number(text) : text;
    } else if (route.list === 'filters' && PHONE_NUMBER_FILTER_NAMES.includes(key)) {
      filters[key] = text.split(',').filter((value) => value.length > 0);
    } else {
      throw validation(
        `query parameter "${key}" is not supported here; use ${route.list === 'filters' ? `a filter (${PHONE_NUMBER_FILTER_NAMES.join(', ')}), ` : ''}maxResults or nextToken`,
      );
    }
  }
  return { filters, page };
}

function rejectQuery(query: Record<string, unknown>): void {
  const keys = Object.keys(query);
  if (keys.length > 0) {
    throw validation(
      `query parameter${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} not supported here; remove ${keys.length > 1 ? 'them' : 'it'}`,
    );
  }
}

/** Answers nothing: the work is committed but the caller sees its connection reset. */
function dropConnection(
  request: FastifyRequest,
  reply: FastifyReply,
  log: RequestLogSink | undefined,
): void {
  reply.hijack();
  logDroppedRequest(request, log);
  request.raw.socket.destroy();
}

/** JSON only: a text/plain body is a client mistake, not a string to parse. */
function acceptJsonOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  // awsJson1_0 (Pinpoint SMS and Voice v2) sends JSON under its own media type.
  app.addContentTypeParser(
    ['application/json', AWS_JSON_1_0],
    { parseAs: 'string' },
    (request, body, done) => {
      // The body is read as UTF-8: one declared otherwise would be stored garbled.
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(
        request.headers['content-type'] ?? '',
      )?.[1];
      if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
        return done(
          validation(
            `Content-Type declares charset ${charset}, which this API does not read; send the body as UTF-8 (charset=utf-8, or no charset)`,
          ),
          undefined,
        );
      }
      const text = String(body);
      if (text.trim().length === 0) return done(null, undefined);
      const config = request.routeOptions.config as { jsonLimits?: JsonLimits };
      const passed = jsonLimitPassed(text, config.jsonLimits ?? REQUEST_JSON_LIMITS);
      if (passed) return done(validation(passed), undefined);
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        done(
          validation(
            `request body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send a JSON object`,
          ),
          undefined,
        );
      }
    },
  );
}

/**
 * The longest path segment the router reads: the longest identifier is an opt-out list's
 * ARN with a 64-character name (118 characters).
 */
const MAX_PATH_SEGMENT = 128;

/** A URL the router cannot read: its own `{ code, message }`, not Fastify's shape. */
function urlError(error: { code?: string }): SimulatorError {
  return validation(
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `a path segment is longer than ${MAX_PATH_SEGMENT} characters; ids, names and ARNs are shorter, check the URL`
      : 'the URL path is not valid percent-encoding; encode each segment as UTF-8 (encodeURIComponent)',
  );
}

/** Any failure of a request as the simulator's error: Fastify's own are mapped to codes. */
function asSimulatorError(
  error: unknown,
  request: FastifyRequest,
  bodyLimit: number,
): SimulatorError {
  if (SimulatorError.isInstance(error)) return error;
  const fastifyError = error as {
    code?: string;
    statusCode?: number;
    message: string;
    stack?: unknown;
  };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SimulatorError(
        'PayloadTooLargeException',
        `request body is larger than the ${request.routeOptions.bodyLimit ?? bodyLimit} bytes allowed; send a smaller body`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return validation('Content-Type must be application/json; send a JSON body with that header');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return validation('request body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return validation('Content-Length does not match the body; send the body whole');
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return validation(fastifyError.message);
  }
  factsOf(request).error = {
    message: fastifyError.message,
    ...(typeof fastifyError.stack === 'string' ? { stack: fastifyError.stack } : {}),
  };
  return new SimulatorError(
    'InternalServerException',
    `the simulator failed unexpectedly (request id ${request.id}); find that id in its request log, then retry`,
  );
}

/** Every failure answers `{ code, message }` with the code's status; Fastify's own too. */
function answerErrors(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) =>
    sendError(reply, asSimulatorError(error, request, bodyLimit)),
  );

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // An AWS client reads `code` as an error's name: it gets an AWS error shape instead.
    if (isAwsSigned(request)) return sendUnknownAwsOperation(reply, `${request.method} ${path}`);
    return sendError(
      reply,
      new SimulatorError(
        'ResourceNotFoundException',
        `no route ${request.method} ${path}; see /openapi.json for the API`,
      ),
    );
  });
}

/**
 * On close, requests in flight finish and their answers say `Connection: close`, so the
 * server stops as soon as they are sent instead of holding kept-alive connections open.
 */
function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/** The timeouts, and a missing Host left to the app, so its answer has a request id and a log line. */
function httpOptions(timeouts: HttpTimeouts): ReturnType<typeof timeoutOptions> {
  const options = timeoutOptions(timeouts);
  return { ...options, http: { ...options.http, requireHostHeader: false } };
}

/** HTTP/1.1 requires a Host header (Node would answer 400 without an id or a log line). */
function requireHost(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (
      request.raw.httpVersionMajor === 1 &&
      request.raw.httpVersionMinor >= 1 &&
      !request.headers.host
    ) {
      throw validation('the request has no Host header, which HTTP/1.1 requires; send one');
    }
  });
}

/** One route per account operation of the route table, each calling it with the API key. */
function accountRoutes(
  app: FastifyInstance,
  simulator: Simulator,
  log: RequestLogSink | undefined,
): void {
  for (const route of ACCOUNT_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      // Who is calling comes first: a caller without a valid key learns nothing of the body.
      onRequest: async (request) => {
        const facts = factsOf(request);
        facts.operation = route.operation;
        facts.account = simulator.authenticate(header(request, 'x-api-key')).name;
      },
      handler: async (request, reply) => {
        const facts = factsOf(request);
        const query = (request.query ?? {}) as Record<string, unknown>;
        if (!route.list) rejectQuery(query);
        const params = request.params as { id?: string };
        const input: OperationInput = {
          ...(params.id !== undefined ? { id: params.id } : {}),
          ...(route.body ? { body: request.body === undefined ? {} : request.body } : {}),
          ...(route.list ? listInput(route, query) : {}),
        };
        const result = await simulator.invoke(
          header(request, 'x-api-key'),
          route.operation,
          input,
          facts,
        );
        if (result.resetAfterCommit) return dropConnection(request, reply, log);
        return reply.code(route.status).send(result.value);
      },
    });
  }
}

/** One route per admin operation, each calling it with the admin key. */
function adminRoutes(app: FastifyInstance, simulator: Simulator): void {
  for (const route of ADMIN_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      bodyLimit: route.operation === 'ImportState' ? STATE_BODY_LIMIT : undefined,
      config: { jsonLimits: route.operation === 'ImportState' ? STATE_JSON_LIMITS : undefined },
      onRequest: async (request) => {
        factsOf(request).operation = route.operation;
        simulator.authenticateAdmin(header(request, 'x-admin-key'));
        factsOf(request).account = 'admin';
      },
      handler: async (request, reply) => {
        rejectQuery((request.query ?? {}) as Record<string, unknown>);
        const params = request.params as { id?: string };
        const value = simulator.invokeAdmin(header(request, 'x-admin-key'), route.operation, {
          ...(params.id !== undefined ? { id: params.id } : {}),
          body: request.body === undefined ? {} : request.body,
        });
        return reply.code(route.status).send(value ?? {});
      },
    });
  }
}

/**
 * The HTTP API as a Fastify app that does not listen: `serve` listens, tests inject or
 * listen on a random port. Every route runs a simulator operation by name.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: false,
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    frameworkErrors: (error, request, reply) => {
      logUnroutedAnswer(request, reply, options.requestLog);
      return sendError(reply, urlError(error));
    },
    bodyLimit,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    return503OnClosing: true,
    clientErrorHandler: clientErrorHandler(options.requestLog),
    ...httpOptions(options.timeouts ?? DEFAULT_HTTP_TIMEOUTS),
  });
  requireHost(app);
  logRequests(app, options.requestLog);
  drainOnClose(app);
  acceptJsonOnly(app);
  answerErrors(app, bodyLimit);
  accountRoutes(app, options.simulator, options.requestLog);
  adminRoutes(app, options.simulator);
  awsRoutes(app, {
    simulator: options.simulator,
    asSimulatorError: (error, request) => asSimulatorError(error, request, bodyLimit),
    dropConnection: (request, reply) => dropConnection(request, reply, options.requestLog),
  });
  const document = openApiDocument();
  app.get('/openapi.json', async () => document);
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SimulatorError, validation } from '../../../api/errors';
import type { Simulator } from '../../service/simulator';
import { factsOf } from '../request-log';
import {
  DropConnection,
  type AwsDialect,
  type AwsOperation,
  type FailedCall,
  type Invoke,
} from './aws-dialect';
import {
  AWS_JSON_1_0,
  PINPOINT_DIALECT,
  PINPOINT_OPERATIONS,
  PINPOINT_TARGET_PREFIX,
  unknownTarget,
} from './pinpoint-sms-voice-v2';
import { CHIME_DIALECT, CHIME_OPERATIONS } from './chime-sdk-voice';
import { CONNECT_DIALECT, CONNECT_OPERATIONS } from './connect';
import type { RestOperation } from './rest-operation';
import { sigV4Credentials } from './sigv4-credentials';

/** What the AWS routes need of the app they are registered in. */
export interface AwsRouteOptions {
  readonly simulator: Simulator;
  /** Any failure (Fastify's own too) as the simulator's error, as `/v1` answers it. */
  asSimulatorError(error: unknown, request: FastifyRequest): SimulatorError;
  /** Answers nothing: the work is committed, the caller sees its connection reset. */
  dropConnection(request: FastifyRequest, reply: FastifyReply): void;
}

/** What one AWS call carries from its authentication to its answer. */
interface CallState {
  apiKey?: string;
  failed?: FailedCall;
}
const states = new WeakMap<FastifyRequest, CallState>();
const stateOf = (request: FastifyRequest): CallState => {
  let state = states.get(request);
  if (!state) states.set(request, (state = {}));
  return state;
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The account of a SigV4-signed request: its access key id is the account's API key. A
 * request without credentials, or with a key of no account, gets the service's access-denied
 * error (on a server beyond loopback, the well-known default key belongs to no account).
 */
function authenticate(simulator: Simulator, request: FastifyRequest): void {
  const credentials = sigV4Credentials(header(request, 'authorization'));
  if (!credentials) {
    throw new SimulatorError(
      'AccessDeniedException',
      'the request is not signed with AWS credentials; sign it with your numberplane API key as the access key id (any secret key will do)',
    );
  }
  try {
    factsOf(request).account = simulator.authenticate(credentials.accessKeyId).name;
  } catch (error) {
    if (!SimulatorError.isInstance(error)) throw error;
    throw new SimulatorError(
      'AccessDeniedException',
      'the access key id is not the API key of any account; use your numberplane API key (NUMBERPLANE_API_KEY) as the access key id',
    );
  }
  stateOf(request).apiKey = credentials.accessKeyId;
}

function sendError(reply: FastifyReply, dialect: AwsDialect, error: SimulatorError): FastifyReply {
  const request = reply.request;
  factsOf(request).code = error.code;
  const failed = stateOf(request).failed;
  const answer = dialect.errorAnswer(error, {
    requestId: request.id,
    ...(failed ? { failed } : {}),
  });
  if (error.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  return reply
    .code(answer.status)
    .headers({ ...answer.headers, 'x-amzn-requestid': request.id })
    .send(JSON.stringify(answer.body));
}

/** Runs simulator operations for `request`, remembering which one failed (for the error's members). */
function invokerFor(simulator: Simulator, request: FastifyRequest): Invoke {
  const state = stateOf(request);
  const facts = factsOf(request);
  return async (operation, input = {}) => {
    facts.operation ??= operation;
    try {
      const result = await simulator.invoke(state.apiKey, operation, input, facts);
      if (result.resetAfterCommit) throw new DropConnection();
      return result.value;
    } catch (error) {
      if (SimulatorError.isInstance(error)) state.failed = { operation, input };
      throw error;
    }
  };
}

/** Runs `operation` and answers in the dialect, or drops the connection as a fault says. */
async function answer(
  options: AwsRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  operation: AwsOperation,
  members: unknown,
  contentType: string,
  status = 200,
): Promise<FastifyReply | undefined> {
  const what = `${factsOf(request).awsOperation ?? 'the'} request`;
  try {
    const result = await operation.run(invokerFor(options.simulator, request), members, what);
    reply.header('x-amzn-requestid', request.id);
    if (status === 204) return reply.code(204).send();
    return reply
      .code(status)
      .header('content-type', contentType)
      .send(JSON.stringify(result ?? {}));
  } catch (error) {
    if (error instanceof DropConnection) {
      options.dropConnection(request, reply);
      return undefined;
    }
    throw error;
  }
}

/** Pinpoint SMS and Voice v2: `POST /`, the operation in `X-Amz-Target`. */
function pinpointRoutes(app: FastifyInstance, options: AwsRouteOptions): void {
  app.route({
    method: 'POST',
    url: '/',
    errorHandler: (error, request, reply) =>
      sendError(reply, PINPOINT_DIALECT, options.asSimulatorError(error, request)),
    onRequest: async (request) => {
      const facts = factsOf(request);
      facts.dialect = PINPOINT_DIALECT.name;
      const target = header(request, 'x-amz-target');
      const name = target?.startsWith(`${PINPOINT_TARGET_PREFIX}.`)
        ? target.slice(PINPOINT_TARGET_PREFIX.length + 1)
        : undefined;
      if (name !== undefined) facts.awsOperation = name;
      authenticate(options.simulator, request);
      if (name === undefined || !Object.hasOwn(PINPOINT_OPERATIONS, name)) {
        throw unknownTarget(target);
      }
    },
    handler: async (request, reply) => {
      const name = factsOf(request).awsOperation ?? '';
      const operation = PINPOINT_OPERATIONS[name];
      if (!operation) throw unknownTarget(name);
      return answer(options, request, reply, operation, request.body, AWS_JSON_1_0);
    },
  });
}

/** The operation of `candidates` (one method and path) whose literal query `query` holds. */
function pick(
  candidates: readonly RestOperation[],
  query: Record<string, unknown>,
): RestOperation | undefined {
  const literal = candidates.find(
    (op) =>
      op.literal !== undefined &&
      Object.entries(op.literal).every(([key, value]) => query[key] === value),
  );
  return literal ?? candidates.find((op) => op.literal === undefined);
}

/** A restJson1 call's members: the JSON body, the path labels and the query parameters it reads. */
function membersOf(operation: RestOperation, request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw validation(`the ${operation.name} request body must be a JSON object`);
  }
  const members: Record<string, unknown> = { ...(body as Record<string, unknown> | undefined) };
  const params = request.params as Record<string, string>;
  for (const [label, member] of Object.entries(operation.labels ?? {})) {
    members[member] = params[label];
  }
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const [key, raw] of Object.entries(query)) {
    if (operation.literal?.[key] !== undefined) continue;
    const read = operation.query?.[key];
    if (!read) {
      throw validation(`query parameter "${key}" is not one ${operation.name} takes; remove it`);
    }
    const text = Array.isArray(raw) ? String(raw[0]) : String(raw);
    members[read.member] = read.type === 'integer' && /^\d+$/.test(text) ? Number(text) : text;
  }
  return members;
}

/** A restJson1 service: one route per method and path, the operation picked by its literal query. */
function restRoutes(
  app: FastifyInstance,
  options: AwsRouteOptions,
  dialect: AwsDialect,
  operations: readonly RestOperation[],
): void {
  const routes = new Map<string, RestOperation[]>();
  for (const operation of operations) {
    const key = `${operation.method} ${operation.path}`;
    routes.set(key, [...(routes.get(key) ?? []), operation]);
  }
  for (const candidates of routes.values()) {
    const [first] = candidates;
    if (!first) continue;
    app.route({
      method: first.method,
      url: first.path,
      errorHandler: (error, request, reply) =>
        sendError(reply, dialect, options.asSimulatorError(error, request)),
      onRequest: async (request) => {
        const facts = factsOf(request);
        facts.dialect = dialect.name;
        const operation = pick(candidates, (request.query ?? {}) as Record<string, unknown>);
        if (operation) facts.awsOperation = operation.name;
        authenticate(options.simulator, request);
        if (!operation) {
          throw new SimulatorError(
            'ResourceNotFoundException',
            `no ${dialect.name} operation at ${request.method} ${request.url}; see docs/aws-tools.md for those served`,
          );
        }
      },
      handler: async (request, reply) => {
        const operation = pick(candidates, (request.query ?? {}) as Record<string, unknown>);
        if (!operation) throw validation('no operation');
        const members = membersOf(operation, request);
        return answer(
          options,
          request,
          reply,
          operation,
          members,
          'application/json',
          operation.status,
        );
      },
    });
  }
}

/** A request an AWS client signed (SigV4), whichever service it meant. */
export function isAwsSigned(request: FastifyRequest): boolean {
  return /^AWS4-HMAC-SHA256 /.test(header(request, 'authorization') ?? '');
}

/**
 * An AWS call to an operation the simulator does not serve: 404 with the error's name in
 * `x-amzn-ErrorType` and `__type`, as every AWS protocol's clients read it.
 */
export function sendUnknownAwsOperation(reply: FastifyReply, what: string): FastifyReply {
  factsOf(reply.request).code = 'UnknownOperationException';
  return reply
    .code(404)
    .headers({
      'content-type': 'application/json',
      'x-amzn-errortype': 'UnknownOperationException',
      'x-amzn-requestid': reply.request.id,
    })
    .send(
      JSON.stringify({
        __type: 'UnknownOperationException',
        Message: `the simulator does not serve ${what}; see docs/aws-tools.md for the AWS operations it serves`,
      }),
    );
}

/** The AWS services' own wire protocols, beside `/v1` on the same port. */
export function awsRoutes(app: FastifyInstance, options: AwsRouteOptions): void {
  pinpointRoutes(app, options);
  restRoutes(app, options, CHIME_DIALECT, CHIME_OPERATIONS);
  restRoutes(app, options, CONNECT_DIALECT, CONNECT_OPERATIONS);
}

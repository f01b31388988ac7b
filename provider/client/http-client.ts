import type { ProblemCode } from '../model/problem';
import { ERROR_CODES, SimulatorError, type ErrorCode } from '../api/errors';
import { ACCOUNT_ROUTES, ADMIN_ROUTES, routePath, type Route } from '../api/routes';
import type {
  AccountOperationName,
  AccountOperationResult,
  AdminInput,
  AdminOperationName,
  AdminOperationResult,
  OperationInput,
} from '../api/operations';
import { TransportError, type SimulatorClient } from './simulator-client';

export interface HttpClientOptions {
  /** Base URL, e.g. http://127.0.0.1:4580 */
  endpoint: string;
  apiKey?: string;
  adminKey?: string;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

function causeCode(error: unknown): string | undefined {
  // undici wraps the socket error: TypeError → cause (maybe an AggregateError) → code.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const inner = (current as { errors?: unknown[] }).errors;
    current =
      Array.isArray(inner) && inner.length > 0 ? inner[0] : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function transportFailure(error: unknown, what: string): TransportError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransportError('timeout', `${what} timed out`);
  }
  const code = causeCode(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') {
    return new TransportError('unreachable', `${what}: the simulator is not reachable (${code})`);
  }
  return new TransportError('reset', `${what}: connection reset (${code ?? String(error)})`);
}

/** The simulator over HTTP: routes come from the same table the server registers. */
export class HttpClient implements SimulatorClient {
  private readonly base: string;

  constructor(private readonly options: HttpClientOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
  }

  async call<N extends AccountOperationName>(
    operation: N,
    input: OperationInput = {},
  ): Promise<AccountOperationResult<N>> {
    const route = ACCOUNT_ROUTES.find((r) => r.operation === operation);
    if (!route) throw new SimulatorError('ValidationException', `unknown operation ${operation}`);
    const query = new URLSearchParams();
    if (route.list) {
      for (const [key, values] of Object.entries(
        (input.filters ?? {}) as Record<string, unknown>,
      )) {
        query.set(key, Array.isArray(values) ? values.join(',') : String(values));
      }
      for (const [key, value] of Object.entries((input.page ?? {}) as Record<string, unknown>)) {
        if (value !== undefined) query.set(key, String(value));
      }
    }
    return (await this.send(route, input.id, route.body ? input.body : undefined, query, {
      'x-api-key': this.options.apiKey,
    })) as AccountOperationResult<N>;
  }

  async admin<N extends AdminOperationName>(
    operation: N,
    input: AdminInput = {},
  ): Promise<AdminOperationResult<N>> {
    const candidates = ADMIN_ROUTES.filter((r) => r.operation === operation);
    const route =
      candidates.find((r) => r.path.includes(':id') === (input.id !== undefined)) ?? candidates[0];
    if (!route)
      throw new SimulatorError('ValidationException', `unknown admin operation ${operation}`);
    return (await this.send(route, input.id, input.body, new URLSearchParams(), {
      'x-admin-key': this.options.adminKey,
    })) as AdminOperationResult<N>;
  }

  private async send(
    route: Route<string>,
    id: string | undefined,
    body: unknown,
    query: URLSearchParams,
    keys: Record<string, string | undefined>,
  ): Promise<unknown> {
    const search = query.toString();
    const url = `${this.base}${routePath(route, id)}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(keys)) if (value) headers[name] = value;
    const hasBody = body !== undefined && route.method !== 'GET';
    if (hasBody) headers['content-type'] = 'application/json';
    const what = `${route.operation} (${route.method} ${url})`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers,
        body: hasBody ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw transportFailure(error, what);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw transportFailure(error, what);
    }
    let parsed: unknown;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      throw new TransportError(
        'bad-response',
        `${what} answered ${response.status} with a body that is not JSON`,
      );
    }
    if (response.ok) {
      const fits = route.response.safeParse(parsed);
      if (fits.success) return parsed;
      const issue = fits.error.issues[0];
      throw new TransportError(
        'bad-response',
        `${what} answered ${response.status} with a body that is not the API's answer (${issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'wrong shape'}); check that the endpoint is a numberplane simulator of this version`,
      );
    }
    const { code, message, reason } = (parsed ?? {}) as {
      code?: string;
      message?: string;
      reason?: ProblemCode;
    };
    const known = code !== undefined && code in ERROR_CODES;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new SimulatorError(
      known
        ? (code as ErrorCode)
        : response.status >= 500
          ? 'InternalServerException'
          : 'ValidationException',
      message ?? `${what} answered ${response.status}`,
      {
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
        ...(typeof reason === 'string' ? { reason } : {}),
      },
    );
  }

  async close(): Promise<void> {}
}

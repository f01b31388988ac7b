import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { PHONE_NUMBER_FILTER_NAMES } from './requests';
import { ACCOUNT_ROUTES, ADMIN_ROUTES, type Route } from './routes';

type JsonObject = Record<string, unknown>;

function bodySchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

function operationOf(route: Route<string>, admin: boolean): JsonObject {
  const parameters: JsonObject[] = [];
  if (route.path.includes(':id')) {
    parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
  }
  if (route.list) {
    parameters.push(
      { name: 'maxResults', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      { name: 'nextToken', in: 'query', schema: { type: 'string' } },
    );
  }
  if (route.list === 'filters') {
    for (const name of PHONE_NUMBER_FILTER_NAMES) {
      parameters.push({
        name,
        in: 'query',
        description: 'Comma-separated values; any value matches.',
        schema: { type: 'string' },
      });
    }
  }
  return {
    operationId: route.operation,
    summary: route.summary,
    security: [{ [admin ? 'adminKey' : 'apiKey']: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: bodySchema(route.body) } },
          },
        }
      : {}),
    responses: {
      [String(route.status)]: {
        description: 'Success',
        content: { 'application/json': { schema: bodySchema(route.response, 'output') } },
      },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the route table and its request schemas. */
export function openApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const seen = new Set<string>();
  for (const [routes, admin] of [
    [ACCOUNT_ROUTES, false],
    [ADMIN_ROUTES, true],
  ] as const) {
    for (const route of routes as Route<string>[]) {
      const path = route.path.replace(':id', '{id}');
      const key = `${route.method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      paths[path] = {
        ...(paths[path] ?? {}),
        [route.method.toLowerCase()]: operationOf(route, admin),
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'numberplane simulator',
      version: '1',
      description:
        'A stateful simulator of Amazon Chime Voice Connector, Pinpoint SMS and Voice v2 and Amazon Connect number management.',
    },
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        adminKey: { type: 'apiKey', in: 'header', name: 'x-admin-key' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: Object.keys(ERROR_CODES) },
            message: { type: 'string' },
            reason: {
              type: 'string',
              description:
                'Which rule refused the call (e.g. deletion-protected), when one did; branch on this, never on the message.',
            },
          },
        },
      },
    },
  };
}

import Ajv2020 from 'ajv/dist/2020';
import { buildApp } from '../../../provider/simulator/http/build-app';
import { ACCOUNT_ROUTES, ADMIN_ROUTES } from '../../../provider/api/routes';
import { ADMIN_OPERATIONS } from '../../../provider/simulator/service/admin-operations';
import { ACCOUNT_OPERATION_NAMES } from '../../../provider/api/operations';
import { Simulator } from '../../../provider/simulator/service/simulator';
import { DEFAULT_API_KEY } from '../../../provider/api/default-keys';

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody?: { content: Record<string, { schema: object }> };
        responses: Record<string, { content?: Record<string, { schema?: object }> }>;
      }
    >
  >;
}

describe('the OpenAPI document at /openapi.json', () => {
  let document: OpenApi;

  beforeAll(async () => {
    const simulator = Simulator.open({ path: ':memory:' });
    const app = buildApp({ simulator });
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json<OpenApi>();
    await app.close();
    simulator.close();
  });

  const operationIds = (): string[] =>
    Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );

  it('is OpenAPI 3.1 and describes every account and admin operation', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = new Set(operationIds());
    for (const name of [...ACCOUNT_OPERATION_NAMES, ...Object.keys(ADMIN_OPERATIONS)]) {
      expect(ids.has(name)).toBe(true);
    }
  });

  it('has one entry per route of the route table, at its method and path', () => {
    for (const route of [...ACCOUNT_ROUTES, ...ADMIN_ROUTES]) {
      const path = route.path.replace(':id', '{id}');
      expect(document.paths[path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operation);
    }
  });

  it('gives every route with a body a request schema that compiles as JSON Schema 2020-12', () => {
    // ajv knows no formats of its own (ajv-formats is not a dependency): RFC 3339's, as zod's.
    const ajv = new Ajv2020({
      strict: false,
      formats: { 'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/ },
    });
    for (const route of [...ACCOUNT_ROUTES, ...ADMIN_ROUTES].filter((r) => r.body)) {
      const path = route.path.replace(':id', '{id}');
      const schema =
        document.paths[path]?.[route.method.toLowerCase()]?.requestBody?.content['application/json']
          ?.schema;
      expect(schema).toBeDefined();
      expect(() => ajv.compile(schema as object)).not.toThrow();
    }
  });

  it('its CreatePhoneNumber schema accepts a good request and rejects an unknown field', () => {
    const ajv = new Ajv2020({ strict: false });
    const schema =
      document.paths['/v1/phone-numbers']?.post?.requestBody?.content['application/json']?.schema;
    const validate = ajv.compile(schema as object);
    expect(
      validate({ isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] }),
    ).toBe(true);
    expect(
      validate({
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['SMS'],
        colour: 'blue',
      }),
    ).toBe(false);
  });

  it('gives every route its answer shape, which fits a real answer and refuses one without its id', async () => {
    const ajv = new Ajv2020({ strict: false });
    for (const route of [...ACCOUNT_ROUTES, ...ADMIN_ROUTES]) {
      const path = route.path.replace(':id', '{id}');
      const schema =
        document.paths[path]?.[route.method.toLowerCase()]?.responses[String(route.status)]
          ?.content?.['application/json']?.schema;
      expect([route.operation, schema === undefined]).toEqual([route.operation, false]);
      expect(() => ajv.compile(schema as object)).not.toThrow();
    }
    const simulator = Simulator.open({ path: ':memory:' });
    const app = buildApp({ simulator });
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/phone-numbers',
      headers: { 'x-api-key': DEFAULT_API_KEY },
      payload: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    await app.close();
    simulator.close();
    const validate = ajv.compile(
      document.paths['/v1/phone-numbers']?.post?.responses['201']?.content?.['application/json']
        ?.schema as object,
    );
    const number = answer.json<Record<string, unknown>>();
    expect(validate(number)).toBe(true);
    delete number.phoneNumberId;
    expect(validate(number)).toBe(false);
  });
});

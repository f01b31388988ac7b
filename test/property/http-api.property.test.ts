import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AWS_REGIONS } from '../../provider/model/enums';
import { PHONE_NUMBER_FILTER_NAMES } from '../../provider/api/requests';
import { buildApp } from '../../provider/simulator/http/build-app';
import { REQUEST_JSON_LIMITS } from '../../provider/simulator/http/json-limits';
import { ACCOUNT_ROUTES, ADMIN_ROUTES, PAGING_QUERY, type Route } from '../../provider/api/routes';
import { isAccountOperation } from '../../provider/api/operations';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';
import {
  CASES,
  closingLine,
  jsonValue,
  nested,
  objectOf,
  oddKey,
  oddString,
  printClosingLine,
  propertySeed,
} from './generators';

/**
 * Generated bad requests against every route of the route table, in process (`inject`).
 * Each case is invalid by construction: a body the route's own schema refuses, text that
 * is not JSON, a wrong Content-Type, a query parameter the route does not take, an id no
 * object has, or a missing or wrong key. Each must get one 4xx `{ code, message }` and
 * leave the store as it was (compared after every case).
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface BadRequest {
  /** What makes it bad, for the counterexample. */
  kind: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

interface AnyRoute {
  route: Route<string>;
  admin: boolean;
}

const ROUTES: AnyRoute[] = [
  ...ACCOUNT_ROUTES.map((route) => ({ route, admin: false })),
  ...ADMIN_ROUTES.map((route) => ({ route, admin: true })),
];

/** Ids of the objects the store holds, filled in beforeAll. */
const ids = { vc: '', group: '', pn: '', list: 'kept-list', account: 'default', accountId: '' };

/** The id each `:id` route is called with when the id is not what is being made bad. */
function realId(operation: string): string {
  if (operation.includes('PhoneNumber')) return ids.pn;
  if (operation.includes('VoiceConnectorGroup')) return ids.group;
  if (operation.includes('VoiceConnector')) return ids.vc;
  if (operation.includes('OptOut')) return ids.list;
  if (operation === 'EndOutage') return 'us-east-1';
  if (operation === 'ClearFaults') return '1';
  return ids.account;
}

/** A valid body for each route that takes one (what the mutations start from). */
function validBody(operation: string): Record<string, unknown> | undefined {
  switch (operation) {
    case 'CreatePhoneNumber':
      return { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };
    case 'UpdatePhoneNumber':
      return { deletionProtectionEnabled: false };
    case 'CreateVoiceConnector':
      return { name: 'generated', awsRegion: 'us-west-2' };
    case 'UpdateVoiceConnector':
      return { name: 'east' };
    case 'CreateVoiceConnectorGroup':
      return { name: 'generated', connectors: [{ voiceConnectorId: ids.vc, priority: 2 }] };
    case 'UpdateVoiceConnectorGroup':
      return { name: 'main' };
    case 'CreateOptOutList':
      return { optOutListName: 'generated' };
    case 'PutOptedOutNumber':
    case 'DeleteOptedOutNumber':
    case 'RouteCall':
      return { phoneNumber: '+12065550100' };
    case 'CreatePhoneNumberOrder':
      return { productType: 'VoiceConnector', phoneNumbers: ['+12065550100'] };
    case 'SearchAvailablePhoneNumbers':
      return { isoCountryCode: 'US', numberType: 'SIMULATOR' };
    case 'CreateAccount':
      return { name: 'generated' };
    case 'UpdateAccount':
      return { numberQuota: 30 };
    case 'ChangeClock':
      return { action: 'advance', by: '1d' };
    case 'UpdateSettings':
      return { provisioningDelays: { SIMULATOR: 5 } };
    case 'AddFault':
      return { operation: '*', kind: 'throttle', rate: 0.5 };
    case 'StartOutage':
      return { awsRegion: 'eu-west-1' };
    case 'ClaimOwnership':
      return { kind: 'VoiceConnector', id: ids.vc, owner: 'generated/dev' };
    case 'DescribeOwnership':
    case 'ReleaseOwnership':
      return { kind: 'VoiceConnector', id: ids.vc };
    case 'InvokeAs':
      return { operation: 'DescribeClock', input: {} };
    default:
      return undefined;
  }
}

function fill(route: Route<string>, id?: string): string {
  return route.path.replace(':id', encodePath(id ?? realId(route.operation)));
}

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD). */
function encodePath(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function keyHeaders(admin: boolean): Record<string, string> {
  return admin ? { 'x-admin-key': DEFAULT_ADMIN_KEY } : { 'x-api-key': DEFAULT_API_KEY };
}

const takesBody = (route: Route<string>): boolean => route.method !== 'GET';

/** The request a route would accept (before one thing is made bad). */
function goodRequest({ route, admin }: AnyRoute, kind: string): BadRequest {
  const body = validBody(route.operation);
  return {
    kind,
    method: route.method,
    url: fill(route),
    headers: {
      ...keyHeaders(admin),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  };
}

/** The keys a body schema knows, across the variants of a union. */
function knownKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: { shape?: object; options?: z.ZodType[] } }).def;
  if (def.shape) return Object.keys(def.shape);
  return (def.options ?? []).flatMap(knownKeys);
}

const bodyRoutes = ROUTES.filter(({ route }) => route.body !== undefined);

/** A body its route's schema refuses: an unknown field, a bad value, a missing field. */
const schemaBadBody: fc.Arbitrary<BadRequest> = fc.constantFrom(...bodyRoutes).chain((target) => {
  const schema = target.route.body as z.ZodType;
  const base = validBody(target.route.operation) ?? {};
  const keys = knownKeys(schema);
  const entries = Object.entries(base);
  const mutated = fc.oneof(
    // An unknown field beside valid ones (strict schemas refuse it).
    fc
      .tuple(
        oddKey.filter((key) => !keys.includes(key)),
        jsonValue,
      )
      .map(([key, value]) => ({
        kind: `unknown field ${JSON.stringify(key)}`,
        entries: [...entries, [key, value] as const],
      })),
    // A known field with a value of the wrong type or out of range.
    fc.tuple(fc.constantFrom(...keys), jsonValue).map(([key, value]) => ({
      kind: `field ${key} = ${JSON.stringify(value)?.slice(0, 60)}`,
      entries: [...entries.filter(([k]) => k !== key), [key, value] as const],
    })),
    // A field dropped.
    fc.constantFrom(...entries.map(([key]) => key)).map((key) => ({
      kind: `without ${key}`,
      entries: entries.filter(([k]) => k !== key),
    })),
  );
  return mutated
    .map(({ kind, entries: list }) => ({ kind, body: objectOf(list) }))
    .filter(({ body }) => !schema.safeParse(body).success)
    .map(({ kind, body }) => ({
      ...goodRequest(target, `schema: ${target.route.operation} ${kind}`),
      payload: JSON.stringify(body),
    }));
});

/** A body past the JSON limits (depth, array items, string length) or the byte limit. */
const oversizeBody: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...bodyRoutes),
    fc.oneof(
      fc
        .integer({ min: REQUEST_JSON_LIMITS.depth + 1, max: 3000 })
        .map((depth) => ({ what: `nested ${depth} deep`, value: nested(depth, 1) })),
      fc.integer({ min: REQUEST_JSON_LIMITS.arrayItems + 1, max: 5000 }).map((items) => ({
        what: `array of ${items}`,
        value: Array.from({ length: items }, () => 'SMS'),
      })),
      fc.integer({ min: REQUEST_JSON_LIMITS.stringChars + 1, max: 400_000 }).map((chars) => ({
        what: `string of ${chars}`,
        value: 'é'.repeat(chars),
      })),
    ),
    fc.constantFrom('__proto__', 'tags', 'name', 'numberCapabilities', 'x'),
  )
  .map(([target, { what, value }, key]) => {
    const body = objectOf([
      ...Object.entries(validBody(target.route.operation) ?? {}),
      [key, value],
    ]);
    return {
      ...goodRequest(target, `limit: ${target.route.operation} ${key} ${what}`),
      payload: JSON.stringify(body),
    };
  });

/** JSON of the wrong kind (array, string, number, null) where an object belongs. */
const notAnObject: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...bodyRoutes),
    fc.oneof(
      fc.array(jsonValue, { maxLength: 3 }),
      oddString,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(null, true, false),
    ),
  )
  .map(([target, value]) => ({
    ...goodRequest(target, `not an object: ${target.route.operation} ${JSON.stringify(value)}`),
    payload: JSON.stringify(value),
  }));

/** Text that is not JSON, sent as JSON, to any route that reads a body. */
const notJson: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...ROUTES.filter(({ route }) => takesBody(route))),
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom('{', '{"a":', '[1,', "{'a': 1}", '{"a":1}}', 'undefined', 'NaN', '{"a":01}'),
      fc
        .nat({ max: 30 })
        .map((cut) => `{"isoCountryCode": "US", "tags": {"k": "v"}}`.slice(0, cut + 1)),
    ),
  )
  .filter(([, text]) => text.trim().length > 0 && !parses(text))
  .map(([target, text]) => ({
    ...goodRequest(target, `not JSON: ${target.route.operation} ${JSON.stringify(text)}`),
    headers: { ...keyHeaders(target.admin), 'content-type': 'application/json' },
    payload: text,
  }));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A body with a Content-Type other than JSON. */
const wrongContentType: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...ROUTES.filter(({ route }) => takesBody(route))),
    fc.oneof(
      fc.constantFrom(
        'text/plain',
        'text/html; charset=utf-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/octet-stream',
        'application/yaml',
      ),
      fc
        .tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z+.-]{1,12}$/))
        .map(([type, subtype]) => `${type}/${subtype}`),
    ),
  )
  .filter(([, type]) => !type.toLowerCase().includes('json'))
  .map(([target, type]) => {
    const request = goodRequest(target, `content-type ${type}: ${target.route.operation}`);
    return {
      ...request,
      headers: { ...keyHeaders(target.admin), 'content-type': type },
      payload: request.payload ?? '{}',
    };
  });

/** A query string a route does not take. */
const badQuery: fc.Arbitrary<BadRequest> = fc.constantFrom(...ROUTES).chain((target) => {
  const list = target.route.list;
  const known: string[] = list
    ? [...PAGING_QUERY, ...(list === 'filters' ? PHONE_NUMBER_FILTER_NAMES : [])]
    : [];
  const unknownParameter = fc
    .tuple(
      fc.oneof(oddKey, fc.constantFrom('verbose', 'Status', 'MaxResults', 'filters[status]')),
      oddString,
    )
    .filter(([name]) => name.length > 0 && !known.includes(name))
    .map(([name, value]) => ({
      kind: `unknown parameter ${JSON.stringify(name)}`,
      text: `${encodePath(name)}=${encodePath(value)}`,
    }));
  const options: fc.Arbitrary<{ kind: string; text: string }>[] = [unknownParameter];
  if (list) {
    options.push(
      fc
        .oneof(
          fc
            .integer()
            .filter((n) => n < 1 || n > 100)
            .map(String),
          fc
            .double({ noNaN: true })
            .filter((n) => !Number.isInteger(n))
            .map(String),
          fc.constantFrom('', 'ten', ' 5', '1e2', '0x10', '+5', '99999999999999999999'),
          oddString.filter((text) => !/^\d+$/.test(text)),
        )
        .map((value) => ({
          kind: `maxResults ${JSON.stringify(value)}`,
          text: `maxResults=${encodePath(value)}`,
        })),
      fc
        .oneof(
          oddString.filter((text) => !/^[A-Za-z0-9_-]{1,1400}\.[A-Za-z0-9_-]{16}$/.test(text)),
          fc
            .tuple(
              fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
              fc.stringMatching(/^[A-Za-z0-9_-]{16}$/),
            )
            .map(([key, seal]) => `${key}.${seal}`),
        )
        .map((value) => ({
          kind: `nextToken ${JSON.stringify(value)}`,
          text: `nextToken=${encodePath(value)}`,
        })),
    );
  }
  if (list === 'filters') {
    options.push(
      fc.tuple(fc.constantFrom(...PHONE_NUMBER_FILTER_NAMES), oddString).map(([name, junk]) => ({
        kind: `filter ${name} "!${junk}"`,
        text: `${name}=${encodePath(`!${junk}`)}`,
      })),
    );
  }
  return fc.oneof(...options).map((query) => {
    const { kind, text } = query;
    const request = goodRequest(target, `query: ${target.route.operation} ${kind}`);
    return { ...request, url: `${request.url}?${text}` };
  });
});

/** An id no object has, on every route with one. */
const badId: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...ROUTES.filter(({ route }) => route.path.includes(':id'))),
    fc.oneof(
      oddString,
      fc.stringMatching(/^[a-z0-9-]{1,64}$/),
      fc.constantFrom('phone-0000', 'vc-0000', '0', '-1', '1.5', '1e3', 'abc', 'NaN', 'Infinity'),
    ),
  )
  .filter(([target, id]) => {
    if (id.length === 0) return false;
    const taken = [ids.vc, ids.group, ids.pn, ids.list, 'Default', ids.account, ids.accountId];
    if (taken.some((known) => known.toLowerCase() === id.toLowerCase())) return false;
    if (target.route.operation === 'EndOutage')
      return !(AWS_REGIONS as readonly string[]).includes(id);
    // Clearing a fault id no rule has is an idempotent no-op; only what is no id is bad.
    if (target.route.operation === 'ClearFaults') return !/^[1-9]\d{0,14}$/.test(id);
    return true;
  })
  .map(([target, id]) => ({
    ...goodRequest(target, `id ${JSON.stringify(id)}: ${target.route.operation}`),
    url: fill(target.route, id),
  }));

/** Bodies the schema takes but the rules refuse: past the latest date, before now, missing objects, taken names. */
const ruleBadBody: fc.Arbitrary<BadRequest> = fc
  .oneof(
    fc
      .tuple(fc.stringMatching(/^[1-9]\d{16,24}$/), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w'))
      .map(([amount, unit]) => ({
        operation: 'ChangeClock',
        body: { action: 'advance', by: `${amount}${unit}` },
      })),
    fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2020-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => ({
        operation: 'ChangeClock',
        body: { action: 'set', to: date.toISOString() },
      })),
    fc.stringMatching(/^[a-z0-9-]{1,50}$/).map((id) => ({
      operation: 'CreatePhoneNumber',
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
        voiceConnectorId: `gone-${id}`,
      },
    })),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,50}$/).map((name) => ({
      operation: 'CreatePhoneNumber',
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['SMS'],
        optOutListName: `gone${name}`,
      },
    })),
    fc.integer({ min: 1, max: 99 }).map((priority) => ({
      operation: 'CreateVoiceConnectorGroup',
      body: { name: 'generated', connectors: [{ voiceConnectorId: 'gone-connector', priority }] },
    })),
    fc.constant({ operation: 'CreateAccount', body: { name: 'default' } }),
    // Delays past ten years: a claim's ACTIVE time would pass what a date holds.
    fc
      .tuple(
        fc.constantFrom('SIMULATOR', 'LONG_CODE', 'TOLL_FREE'),
        fc.oneof(
          fc.integer({ min: 10 * 365 * 86_400_000 + 1, max: Number.MAX_SAFE_INTEGER }),
          fc.stringMatching(/^[1-9]\d{5,22}d$/),
        ),
      )
      .map(([type, delay]) => ({
        operation: 'UpdateSettings',
        body: { provisioningDelays: { [type]: delay } },
      })),
    // A tag an object cannot hold as data.
    fc
      .tuple(
        fc.constantFrom(
          'CreateVoiceConnector',
          'UpdateVoiceConnector',
          'CreateOptOutList',
          'CreatePhoneNumber',
          'UpdatePhoneNumber',
        ),
        jsonValue,
      )
      .map(([operation, value]) => ({
        operation,
        body: {
          ...validBody(operation),
          tags: objectOf([
            ['team', 'a'],
            ['__proto__', value],
          ]),
        },
      })),
  )
  .map(({ operation, body }) => {
    const target = ROUTES.find(
      ({ route }) => route.operation === operation && route.body,
    ) as AnyRoute;
    return {
      ...goodRequest(target, `rule: ${operation} ${JSON.stringify(body)}`),
      payload: JSON.stringify(body),
    };
  });

/** No key, a wrong key, or the other surface's key. */
const badKey: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.oneof(
      fc.constant<Record<string, string>>({}),
      fc.constant<Record<string, string>>({
        'x-api-key': DEFAULT_ADMIN_KEY,
        'x-admin-key': DEFAULT_API_KEY,
      }),
      fc
        .stringMatching(/^[!-~]{1,80}$/)
        .filter((key) => key !== DEFAULT_API_KEY && key !== DEFAULT_ADMIN_KEY)
        .map((key) => ({ 'x-api-key': key, 'x-admin-key': key })),
    ),
  )
  .map(([target, keys]) => {
    const request = goodRequest(target, `keys ${JSON.stringify(keys)}: ${target.route.operation}`);
    const { 'x-api-key': _api, 'x-admin-key': _admin, ...rest } = request.headers;
    return { ...request, headers: { ...rest, ...keys } };
  });

/** Out-of-band edits that are not: an unknown operation, an input that is no object, a bad body. */
const badInvokeAs: fc.Arbitrary<BadRequest> = fc
  .oneof(
    fc
      .tuple(
        fc
          .oneof(oddString, jsonValue)
          .filter((name) => typeof name !== 'string' || !isAccountOperation(name)),
        jsonValue,
      )
      .map(([operation, input]) => ({ operation, input })),
    fc
      .tuple(
        fc.constantFrom(...ACCOUNT_ROUTES.map((route) => route.operation)),
        fc.oneof(fc.array(jsonValue, { maxLength: 3 }), oddString, fc.integer(), fc.boolean()),
      )
      .map(([operation, input]) => ({ operation, input })),
    schemaBadBody
      .filter((request) => !request.url.startsWith('/v1/admin'))
      .map((request) => {
        const route = ACCOUNT_ROUTES.find(
          (r) => r.method === request.method && fill(r) === request.url,
        ) as Route<string>;
        return {
          operation: route.operation,
          input: {
            ...(route.path.includes(':id') ? { id: realId(route.operation) } : {}),
            body: JSON.parse(request.payload ?? '{}') as unknown,
          },
        };
      }),
  )
  .map((body) => ({
    kind: `InvokeAs ${JSON.stringify(body).slice(0, 120)}`,
    method: 'POST' as const,
    url: `/v1/admin/accounts/${ids.account}/invoke`,
    headers: { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  }));

/** A state import that is not an export: its header, its tables or its rows broken. */
function badImport(exported: Record<string, unknown>): fc.Arbitrary<BadRequest> {
  const tables = exported.tables as Record<string, unknown[]>;
  const names = Object.keys(tables);
  return fc
    .oneof(
      jsonValue
        .filter((format) => format !== 'numberplane-state')
        .map((format) => ({ what: 'format', doc: { ...exported, format } })),
      jsonValue
        .filter((version) => version !== exported.schemaVersion)
        .map((schemaVersion) => ({ what: 'schemaVersion', doc: { ...exported, schemaVersion } })),
      fc
        .oneof(fc.constantFrom(null, 7, 'tables', true), fc.array(jsonValue, { maxLength: 2 }))
        .map((value) => ({ what: 'tables', doc: { ...exported, tables: value } })),
      oddKey
        .filter((name) => !names.includes(name))
        .map((name) => ({
          what: `table ${name}`,
          doc: { ...exported, tables: objectOf([...Object.entries(tables), [name, []]]) },
        })),
      fc
        .tuple(fc.constantFrom(...names), fc.oneof(jsonValue.filter((v) => !Array.isArray(v))))
        .map(([name, value]) => ({
          what: `${name} = ${JSON.stringify(value)}`,
          doc: { ...exported, tables: { ...tables, [name]: value } },
        })),
      fc
        .tuple(
          fc.constantFrom(...names),
          fc.oneof(
            fc.constantFrom(null, 0, 'row', true, [] as unknown[], [1]),
            oddKey
              .filter((column) => !/^[a-z_]+$/.test(column))
              .map((column) => objectOf([[column, 1]])),
            fc.stringMatching(/^zz_[a-z_]{1,10}$/).map((column) => objectOf([[column, 1]])),
          ),
        )
        .map(([name, row]) => ({
          what: `${name} row ${JSON.stringify(row)}`,
          doc: { ...exported, tables: { ...tables, [name]: [...(tables[name] ?? []), row] } },
        })),
    )
    .map(({ what, doc }) => ({
      kind: `ImportState ${what}`,
      method: 'PUT' as const,
      url: '/v1/admin/state',
      headers: { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' },
      payload: JSON.stringify(doc),
    }));
}

/** What the assertion compares: the answer's status and shape, its body quoted when wrong. */
function answerShape(status: number, body: string): Record<string, string> {
  let answer: { code?: unknown; message?: unknown } = {};
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return { status: String(status), body };
  }
  const message = answer.message;
  return {
    status: status >= 400 && status < 500 ? '4xx' : `${status} ${body.slice(0, 300)}`,
    code:
      typeof answer.code === 'string'
        ? 'a string'
        : `${typeof answer.code} in ${body.slice(0, 300)}`,
    message:
      typeof message === 'string' && message.trim() !== '' && !/\n\s+at .*:\d+:\d+/.test(message)
        ? 'one line, not empty'
        : `${JSON.stringify(message)}`,
  };
}

describe('the HTTP API given generated bad input', () => {
  let dir: string;
  let simulator: Simulator;
  let app: FastifyInstance;

  const tables = (): string =>
    JSON.stringify(simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState', { body: {} }).tables);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-property-http-'));
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
    app = buildApp({ simulator });
    // A frozen clock: nothing falls due between two exports but what a request does.
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ChangeClock', { body: { action: 'freeze' } });
    const connector = await simulator.invoke(DEFAULT_API_KEY, 'CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1' },
    });
    ids.vc = connector.value.voiceConnectorId;
    const group = await simulator.invoke(DEFAULT_API_KEY, 'CreateVoiceConnectorGroup', {
      body: { name: 'main', connectors: [{ voiceConnectorId: ids.vc, priority: 1 }] },
    });
    ids.group = group.value.voiceConnectorGroupId;
    await simulator.invoke(DEFAULT_API_KEY, 'CreateOptOutList', {
      body: { optOutListName: ids.list },
    });
    const number = await simulator.invoke(DEFAULT_API_KEY, 'CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    ids.pn = number.value.phoneNumberId;
    const accounts = simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ListAccounts', { body: {} });
    ids.accountId = accounts.find((account) => account.name === 'default')?.accountId ?? '';
  });

  afterAll(async () => {
    await app.close();
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${CASES} generated bad requests each get one 4xx error and leave the store unchanged`, async () => {
    const seed = propertySeed();
    const started = Date.now();
    let cases = 0;
    const exported = simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState', {
      body: {},
    }) as unknown as Record<string, unknown>;
    const badRequest = fc.oneof(
      { arbitrary: schemaBadBody, weight: 6 },
      { arbitrary: ruleBadBody, weight: 2 },
      { arbitrary: oversizeBody, weight: 1 },
      { arbitrary: notAnObject, weight: 1 },
      { arbitrary: notJson, weight: 2 },
      { arbitrary: wrongContentType, weight: 2 },
      { arbitrary: badQuery, weight: 3 },
      { arbitrary: badId, weight: 3 },
      { arbitrary: badKey, weight: 2 },
      { arbitrary: badInvokeAs, weight: 2 },
      { arbitrary: badImport(exported), weight: 2 },
    );
    await fc.assert(
      fc.asyncProperty(badRequest, async (request) => {
        cases++;
        const before = tables();
        const response = await app.inject({
          method: request.method,
          url: request.url,
          headers: request.headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        expect(answerShape(response.statusCode, response.body)).toEqual({
          status: '4xx',
          code: 'a string',
          message: 'one line, not empty',
        });
        expect(tables()).toBe(before);
      }),
      { numRuns: CASES, seed },
    );
    printClosingLine(closingLine('HTTP API', cases, seed, Date.now() - started));
    expect(cases).toBeGreaterThanOrEqual(CASES);
  });
  it(`${CASES} generated settings rows: an import either gets a 4xx and changes nothing, or leaves the admin and account surfaces answering`, async () => {
    const seed = propertySeed();
    const started = Date.now();
    let cases = 0;
    const exported = simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ExportState', {
      body: {},
    }) as unknown as { tables: Record<string, Record<string, unknown>[]> };
    const settings = exported.tables.settings ?? [];
    const keys = settings.map((row) => String(row.key));
    const changedSetting = fc
      .tuple(
        fc.constantFrom(...keys),
        fc.oneof(
          jsonValue.map((value) => JSON.stringify(value)),
          fc.constantFrom('{', '', 'null', '"', '12345', '"abc"', '{"mode":"running"}'),
        ),
      )
      .map(([key, value]) => ({
        key,
        value,
        doc: {
          ...exported,
          tables: {
            ...exported.tables,
            settings: settings.map((row) => (row.key === key ? { ...row, value } : row)),
          },
        },
      }));
    const calls = [
      {
        method: 'GET' as const,
        url: '/v1/admin/clock',
        headers: { 'x-admin-key': DEFAULT_ADMIN_KEY },
      },
      {
        method: 'GET' as const,
        url: '/v1/admin/settings',
        headers: { 'x-admin-key': DEFAULT_ADMIN_KEY },
      },
      {
        method: 'GET' as const,
        url: '/v1/admin/state',
        headers: { 'x-admin-key': DEFAULT_ADMIN_KEY },
      },
      {
        method: 'GET' as const,
        url: '/v1/phone-numbers?maxResults=1',
        headers: { 'x-api-key': DEFAULT_API_KEY },
      },
    ];
    await fc.assert(
      fc.asyncProperty(changedSetting, async ({ doc }) => {
        cases++;
        const before = tables();
        const response = await app.inject({
          method: 'PUT',
          url: '/v1/admin/state',
          headers: { 'x-admin-key': DEFAULT_ADMIN_KEY, 'content-type': 'application/json' },
          payload: JSON.stringify(doc),
        });
        if (response.statusCode !== 200) {
          expect(answerShape(response.statusCode, response.body)).toEqual({
            status: '4xx',
            code: 'a string',
            message: 'one line, not empty',
          });
          expect(tables()).toBe(before);
          return;
        }
        for (const call of calls) {
          const answer = await app.inject(call);
          expect({ url: call.url, status: answer.statusCode }).toEqual({
            url: call.url,
            status: 200,
          });
        }
        simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'ImportState', { body: exported });
      }),
      { numRuns: CASES, seed },
    );
    printClosingLine(closingLine('state settings', cases, seed, Date.now() - started));
    expect(cases).toBeGreaterThanOrEqual(CASES);
  });
});

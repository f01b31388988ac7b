import fc from 'fast-check';
import { z } from 'zod';
import { EmbeddedClient } from '../../provider/client/embedded-client';
import * as optOutListHooks from '../../provider/resources/hooks/opt-out-list-hooks';
import * as phoneNumberHooks from '../../provider/resources/hooks/phone-number-hooks';
import * as groupHooks from '../../provider/resources/hooks/voice-connector-group-hooks';
import * as connectorHooks from '../../provider/resources/hooks/voice-connector-hooks';
import {
  optOutListInputs,
  phoneNumberInputs,
  voiceConnectorGroupInputs,
  voiceConnectorInputs,
} from '../../provider/resources/input-schemas';
import { startHookBackend, type HookBackend } from '../unit/hook-backend';
import {
  CASES,
  closingLine,
  jsonValue,
  objectOf,
  oddKey,
  printClosingLine,
  propertySeed,
} from './generators';

/**
 * Generated bad resource arguments through each provider's `check`: an unknown property, a
 * known one with a bad value, or a required one missing. Each must come back as failures
 * (property and reason), never a throw, and `check` must not touch the backend.
 */

type Props = Record<string, unknown>;

interface Resource {
  name: string;
  check(olds: Props, news: Props): Promise<{ failures?: { property: string; reason: string }[] }>;
  /** The inputs as the program may write them (plus what the component adds). */
  schema: z.ZodType;
  keys: string[];
  /** Properties `check` fills in when absent (`?? default`). */
  defaulted: string[];
  valid: Props;
}

const withKey = (shape: Record<string, z.ZodType>): z.ZodType =>
  z.strictObject({ ...shape, resourceKey: z.string().optional() });

const RESOURCES: Resource[] = [
  {
    name: 'PhoneNumber',
    check: phoneNumberHooks.check,
    schema: withKey(phoneNumberInputs.shape),
    keys: [...Object.keys(phoneNumberInputs.shape), 'resourceKey'],
    defaulted: [
      'deletionProtectionEnabled',
      'optOutListName',
      'selfManagedOptOutsEnabled',
      'twoWayEnabled',
      'messageType',
      'waitForActive',
    ],
    valid: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS', 'VOICE'],
      resourceKey: 'proj/dev/line',
    },
  },
  {
    name: 'VoiceConnector',
    check: connectorHooks.check,
    schema: withKey(voiceConnectorInputs.shape),
    keys: [...Object.keys(voiceConnectorInputs.shape), 'resourceKey'],
    defaulted: ['requireEncryption'],
    valid: { name: 'east', awsRegion: 'us-east-1', tags: { team: 'voice' } },
  },
  {
    name: 'VoiceConnectorGroup',
    check: groupHooks.check,
    schema: withKey(voiceConnectorGroupInputs.shape),
    keys: [...Object.keys(voiceConnectorGroupInputs.shape), 'resourceKey'],
    defaulted: [],
    valid: {
      name: 'main',
      connectors: [
        { voiceConnectorId: 'vc-east', priority: 1 },
        { voiceConnectorId: 'vc-west', priority: 2 },
      ],
    },
  },
  {
    name: 'OptOutList',
    check: optOutListHooks.check,
    schema: withKey(optOutListInputs.shape),
    keys: [...Object.keys(optOutListInputs.shape), 'resourceKey'],
    defaulted: [],
    valid: { name: 'marketing', tags: { team: 'sms' } },
  },
];

/**
 * Whether `check` may take these inputs: the resource's schema refuses them once the
 * defaults `check` fills in for absent values are applied (an explicit null is absent to
 * it), or a value holds a `__proto__` key.
 */
function refusedBySchema(resource: Resource, props: Props): boolean {
  const normal: Props = { ...props };
  for (const key of resource.defaulted) if (normal[key] === null) delete normal[key];
  return !resource.schema.safeParse(normal).success || Object.values(props).some(holdsProtoKey);
}

/** Whether a value holds `__proto__` as a key somewhere (the schemas drop it silently; check must refuse it). */
function holdsProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.hasOwn(value, '__proto__') || Object.values(value).some(holdsProtoKey);
}

function badInputs(resource: Resource): fc.Arbitrary<{ kind: string; props: Props }> {
  const entries = Object.entries(resource.valid);
  return fc
    .oneof(
      fc
        .tuple(
          oddKey.filter((key) => !resource.keys.includes(key) && key !== '__provider'),
          jsonValue,
        )
        .map(([key, value]) => ({
          kind: `unknown property ${JSON.stringify(key)}`,
          props: objectOf([...entries, [key, value]]),
        })),
      fc.tuple(fc.constantFrom(...resource.keys), jsonValue).map(([key, value]) => ({
        kind: `${key} = ${JSON.stringify(value)}`,
        props: objectOf([...entries.filter(([k]) => k !== key), [key, value]]),
      })),
      fc
        .tuple(
          fc.constantFrom(...resource.keys),
          fc.array(fc.oneof(jsonValue, fc.constant(null)), { minLength: 1, maxLength: 4 }),
        )
        .map(([key, items]) => ({
          kind: `${key} = ${JSON.stringify(items)}`,
          props: objectOf([...entries.filter(([k]) => k !== key), [key, items]]),
        })),
      fc.constantFrom(...entries.map(([key]) => key)).map((key) => ({
        kind: `without ${key}`,
        props: objectOf(entries.filter(([k]) => k !== key)),
      })),
    )
    .filter(({ props }) => refusedBySchema(resource, props));
}

describe('resource check given generated bad arguments', () => {
  let backend: HookBackend;

  beforeAll(async () => {
    backend = await startHookBackend();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await backend.close();
  });

  it(`${CASES} generated bad arguments per resource type each get failures naming a property and a reason, with no backend call`, async () => {
    const seed = propertySeed();
    const started = Date.now();
    const calls = jest.spyOn(EmbeddedClient.prototype, 'call');
    const before = JSON.stringify((await backend.client.admin('ExportState')).tables);
    let cases = 0;
    for (const resource of RESOURCES) {
      await fc.assert(
        fc.asyncProperty(badInputs(resource), async ({ props }) => {
          cases++;
          let outcome: unknown;
          try {
            const result = await resource.check({}, props);
            const failures = result.failures ?? [];
            outcome = {
              failures: failures.length > 0 ? 'some' : 'none',
              each: failures.every(
                (failure) =>
                  typeof failure.property === 'string' &&
                  (Object.hasOwn(props, failure.property) ||
                    resource.keys.includes(failure.property)) &&
                  typeof failure.reason === 'string' &&
                  failure.reason.trim().length > 0,
              )
                ? 'a property and a reason'
                : failures,
            };
          } catch (error) {
            outcome = { threw: error instanceof Error ? `${error.name}: ${error.message}` : error };
          }
          expect(outcome).toEqual({ failures: 'some', each: 'a property and a reason' });
        }),
        { numRuns: CASES, seed },
      );
    }
    expect(calls).not.toHaveBeenCalled();
    expect(JSON.stringify((await backend.client.admin('ExportState')).tables)).toBe(before);
    printClosingLine(
      closingLine(
        `resource check (${RESOURCES.map((r) => r.name).join(', ')})`,
        cases,
        seed,
        Date.now() - started,
      ),
    );
    expect(cases).toBeGreaterThanOrEqual(CASES * RESOURCES.length);
  });
});

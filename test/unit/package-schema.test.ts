import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageSchema, packageVersion } from '../../provider/plugin/package-schema';
import { RESOURCE_KINDS, tokenOf } from '../../provider/plugin/resource-kinds';
import { keyOfUrn } from '../../provider/resources/key-names';
import { findPackageRoot } from '../../provider/engine/engine-location';

const root = findPackageRoot();
const schema = packageSchema(packageVersion());
const resource = (name: string) => {
  const spec = schema.resources[`numberplane:index:${name}`];
  if (!spec) throw new Error(`no ${name} in the schema`);
  return spec;
};

/** The outputs a TypeScript class declares (`declare public readonly NAME: pulumi.Output<…>`). */
function classOutputs(file: string): string[] {
  const text = readFileSync(join(root, 'provider', 'resources', file), 'utf8');
  return [...text.matchAll(/declare public readonly (\w+): pulumi\.Output/g)].map((m) => m[1]!);
}

describe('the plugin’s package schema', () => {
  it('is exactly what the zod shapes generate (run npm run schemas after changing a shape)', () => {
    const committed = JSON.parse(
      readFileSync(join(root, 'schema', 'pulumi-package.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(schema);
  });

  it('names the four resource tokens, the config and a secret apiKey', () => {
    expect(Object.keys(schema.resources).sort()).toEqual([
      'numberplane:index:OptOutList',
      'numberplane:index:PhoneNumber',
      'numberplane:index:VoiceConnector',
      'numberplane:index:VoiceConnectorGroup',
    ]);
    expect(schema.config.variables.apiKey).toMatchObject({ type: 'string', secret: true });
    expect(schema.provider.inputProperties.apiKey).toMatchObject({ secret: true });
    expect(schema.config.variables.endpoint).toMatchObject({ type: 'string' });
  });

  it('marks exactly the properties whose change the hooks’ diff replaces', () => {
    for (const kind of RESOURCE_KINDS) {
      const spec = resource(kind.name);
      const marked = Object.entries(spec.inputProperties)
        .filter(([, property]) => property.willReplaceOnChanges)
        .map(([key]) => key);
      const replacing = kind.hooks.SPECS.filter((s) => s.replaces).map((s) => s.name);
      expect({ token: tokenOf(kind), marked }).toEqual({ token: tokenOf(kind), marked: replacing });
    }
    expect(resource('PhoneNumber').inputProperties.numberType?.willReplaceOnChanges).toBe(true);
    expect(resource('PhoneNumber').inputProperties.tags?.willReplaceOnChanges).toBeUndefined();
  });

  it('describes every input with its default and every output the TypeScript classes declare', () => {
    const files: Record<string, string> = {
      PhoneNumber: 'phone-number.ts',
      VoiceConnector: 'voice-connector.ts',
      VoiceConnectorGroup: 'voice-connector-group.ts',
      OptOutList: 'opt-out-list.ts',
    };
    for (const kind of RESOURCE_KINDS) {
      const spec = resource(kind.name);
      expect(Object.keys(spec.inputProperties).sort()).toEqual(
        Object.keys(kind.inputs.shape).sort(),
      );
      for (const [key, property] of Object.entries({
        ...spec.inputProperties,
        ...spec.properties,
      })) {
        expect({ key, described: typeof property.description }).toEqual({
          key,
          described: 'string',
        });
      }
      const outputs = classOutputs(files[kind.name]!);
      expect(outputs.length).toBeGreaterThan(2);
      expect(Object.keys(spec.properties)).toEqual(expect.arrayContaining(outputs));
    }
    expect(resource('PhoneNumber').inputProperties.deletionProtectionEnabled).toMatchObject({
      type: 'boolean',
      default: false,
    });
    expect(resource('PhoneNumber').requiredInputs).toEqual([
      'isoCountryCode',
      'numberType',
      'numberCapabilities',
    ]);
    expect(resource('PhoneNumber').properties.status).toEqual({
      $ref: '#/types/numberplane:index:NumberStatus',
      description: 'PENDING until provisioned, then ACTIVE.',
    });
    expect(schema.types['numberplane:index:GroupMember']).toMatchObject({
      type: 'object',
      required: ['voiceConnectorId', 'priority'],
    });
  });
});

describe('a plugin resource’s key', () => {
  it('is project/stack/name at the top level, as a dynamic resource’s, and the URN under a component', () => {
    expect(keyOfUrn('urn:pulumi:dev::phones::numberplane:index:PhoneNumber::support')).toBe(
      'phones/dev/support',
    );
    const child = 'urn:pulumi:dev::phones::my:Team$numberplane:index:PhoneNumber::support';
    expect(keyOfUrn(child)).toBe(child);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DEFAULT_ENDPOINT } from '../client/connection-settings';
import { findPackageRoot } from '../engine/engine-location';
import {
  AWS_REGIONS,
  MESSAGE_TYPES,
  NUMBER_CAPABILITIES,
  NUMBER_STATUSES,
  NUMBER_TYPES,
  PRODUCT_TYPES,
} from '../model/enums';
import { PACKAGE, RESOURCE_KINDS, tokenOf, type ResourceKind } from './resource-kinds';
import { TypeCatalogue, type PulumiNamedType, type PulumiTypeSpec } from './pulumi-types';

/** A property of the package schema: its type, and whether a change to it replaces. */
export type PulumiPropertySpec = PulumiTypeSpec & { willReplaceOnChanges?: true; secret?: true };

export interface PulumiResourceSpec {
  description: string;
  inputProperties: Record<string, PulumiPropertySpec>;
  requiredInputs?: string[];
  properties: Record<string, PulumiPropertySpec>;
  required: string[];
}

/** The Pulumi package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/). */
export interface PulumiPackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  license: string;
  keywords: string[];
  config: { variables: Record<string, PulumiPropertySpec> };
  provider: { description: string; inputProperties: Record<string, PulumiPropertySpec> };
  resources: Record<string, PulumiResourceSpec>;
  types: Record<string, PulumiNamedType>;
  language: Record<string, Record<string, unknown>>;
}

const ENUM_NAMES: Record<string, string> = {
  [NUMBER_TYPES.join('|')]: 'NumberType',
  [NUMBER_CAPABILITIES.join('|')]: 'NumberCapability',
  [MESSAGE_TYPES.join('|')]: 'MessageType',
  [PRODUCT_TYPES.join('|')]: 'ProductType',
  [NUMBER_STATUSES.join('|')]: 'NumberStatus',
  [AWS_REGIONS.join('|')]: 'AwsRegion',
};

const CONFIG: Record<string, PulumiPropertySpec> = {
  endpoint: {
    type: 'string',
    description: `Where the backend is: \`http(s)://HOST:PORT\` of a \`numberplane serve\`, or \`file:PATH\` of an embedded store. Else NUMBERPLANE_ENDPOINT, else \`${DEFAULT_ENDPOINT}\` in the project.`,
  },
  apiKey: {
    type: 'string',
    secret: true,
    description: 'The account’s API key. Else NUMBERPLANE_API_KEY, else the local default key.',
  },
};

/** Whether a field takes no value (optional, or with a default). */
const optional = (field: z.ZodType): boolean => field.safeParse(undefined).success;

function resourceSpec(kind: ResourceKind, catalogue: TypeCatalogue): PulumiResourceSpec {
  const replacing = new Set(kind.hooks.SPECS.filter((spec) => spec.replaces).map((s) => s.name));
  const fields = Object.entries(kind.inputs.shape as Record<string, z.ZodType>);
  const inputProperties = Object.fromEntries(
    fields.map(([key, field]) => [
      key,
      {
        ...catalogue.property(field, 'input'),
        ...(replacing.has(key) ? { willReplaceOnChanges: true as const } : {}),
      },
    ]),
  );
  const answer = kind.answer.shape as Record<string, z.ZodType>;
  const outputOnly = Object.entries(kind.outputs).map(([key, description]) => {
    const field = answer[key];
    if (!field) throw new Error(`${kind.name}'s answer has no field ${key}`);
    return [key, catalogue.property(field.describe(description), 'output')] as const;
  });
  const properties = {
    ...Object.fromEntries(
      fields.map(([key, field]) => {
        const { default: _default, ...spec } = catalogue.property(field, 'output');
        return [key, spec];
      }),
    ),
    ...Object.fromEntries(outputOnly),
  };
  const requiredInputs = fields.filter(([, field]) => !optional(field)).map(([key]) => key);
  const withDefault = fields
    .filter(([, field]) => optional(field) && field.parse(undefined) !== undefined)
    .map(([key]) => key);
  const alwaysAnswered = Object.keys(kind.outputs).filter(
    (key) => !answer[key]?.safeParse(null).success,
  );
  return {
    description: kind.description,
    inputProperties,
    // Pulumi drops an empty list when it reads a schema (`pulumi package get-schema`).
    ...(requiredInputs.length > 0 ? { requiredInputs } : {}),
    properties,
    required: [...new Set([...requiredInputs, ...withDefault, ...alwaysAnswered])].sort(),
  };
}

/**
 * The package schema of the `numberplane` plugin, built from the same zod shapes as
 * schema/*.schema.json (inputs) and the API's answers (outputs), with the replacing
 * properties the hooks' diff uses. `npm run schemas` writes it to schema/; a test fails
 * when the file drifts.
 */
export function packageSchema(version: string): PulumiPackageSchema {
  const catalogue = new TypeCatalogue(PACKAGE, ENUM_NAMES);
  const resources = Object.fromEntries(
    RESOURCE_KINDS.map((kind) => [tokenOf(kind), resourceSpec(kind, catalogue)]),
  );
  return {
    name: PACKAGE,
    displayName: 'numberplane',
    version,
    description:
      'Telephony numbers managed as code: phone numbers, voice connectors, voice connector groups and SMS opt-out lists.',
    license: 'Apache-2.0',
    keywords: ['pulumi', 'telephony', 'phone-numbers', 'category/utility', 'kind/native'],
    config: { variables: CONFIG },
    provider: {
      description: 'The backend numberplane drives: a simulator or a store.',
      inputProperties: CONFIG,
    },
    resources,
    types: Object.fromEntries(
      Object.entries(catalogue.types).sort(([a], [b]) => a.localeCompare(b)),
    ),
    language: {
      python: { packageName: 'pulumi_numberplane' },
      go: { importBasePath: 'github.com/numberplane/numberplane/sdk/go/numberplane' },
      csharp: { rootNamespace: 'Numberplane', packageReferences: { Pulumi: '3.*' } },
    },
  };
}

/** The version of this numberplane package: the plugin's and its schema's. */
export function packageVersion(): string {
  const manifest = readFileSync(join(findPackageRoot(), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

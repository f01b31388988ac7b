import { z } from 'zod';

/** A property or type as a Pulumi package schema writes it. */
export interface PulumiTypeSpec {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  $ref?: string;
  items?: PulumiTypeSpec;
  additionalProperties?: PulumiTypeSpec;
  description?: string;
  default?: string | number | boolean;
}

/** An object or enum type of the schema's `types`. */
export type PulumiNamedType =
  | {
      type: 'object';
      description?: string;
      properties: Record<string, PulumiTypeSpec>;
      required: string[];
    }
  | { type: 'string'; description?: string; enum: { value: string }[] };

type JsonSchema = Record<string, unknown>;

/**
 * The named types a package's properties refer to (`#/types/numberplane:index:NumberType`),
 * gathered while properties are converted: enums named after what they enumerate, objects
 * after their zod title.
 */
export class TypeCatalogue {
  readonly types: Record<string, PulumiNamedType> = {};

  constructor(
    private readonly pkg: string,
    /** An enum's values (joined with `|`) → its type's name. */
    private readonly enumNames: Readonly<Record<string, string>>,
  ) {}

  /** The Pulumi spec of one zod field (its input or output form). */
  property(field: z.ZodType, io: 'input' | 'output'): PulumiTypeSpec {
    const json = z.toJSONSchema(field, { io, unrepresentable: 'any' }) as JsonSchema;
    return this.convert(json, typeof json.description === 'string' ? json.description : undefined);
  }

  private convert(json: JsonSchema, description?: string): PulumiTypeSpec {
    const described = description === undefined ? {} : { description };
    const withDefault = (spec: PulumiTypeSpec): PulumiTypeSpec =>
      ['string', 'number', 'boolean'].includes(typeof json.default)
        ? { ...spec, default: json.default as string | number | boolean }
        : spec;
    const anyOf = json.anyOf as JsonSchema[] | undefined;
    if (anyOf) {
      const [only, ...more] = anyOf.filter((option) => option.type !== 'null');
      if (!only || more.length > 0) throw new Error(`no Pulumi type for ${JSON.stringify(json)}`);
      return this.convert({ ...only, default: json.default }, description);
    }
    if (Array.isArray(json.enum)) {
      return { $ref: this.enumRef(json.enum.map(String)), ...described };
    }
    switch (json.type) {
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
        return withDefault({ type: json.type, ...described });
      case 'array':
        return { type: 'array', items: this.convert(json.items as JsonSchema), ...described };
      case 'object':
        if (json.properties) return { $ref: this.objectRef(json), ...described };
        return {
          type: 'object',
          additionalProperties: this.convert(json.additionalProperties as JsonSchema),
          ...described,
        };
      default:
        throw new Error(`no Pulumi type for ${JSON.stringify(json)}`);
    }
  }

  private enumRef(values: string[]): string {
    const name = this.enumNames[values.join('|')];
    if (!name) throw new Error(`name the enum ${values.join(', ')} in the package schema`);
    const token = `${this.pkg}:index:${name}`;
    this.types[token] = { type: 'string', enum: values.map((value) => ({ value })) };
    return `#/types/${token}`;
  }

  private objectRef(json: JsonSchema): string {
    const title = String(json.title ?? '');
    if (!title) throw new Error(`give the object ${JSON.stringify(json)} a title`);
    const token = `${this.pkg}:index:${title.replace(/(?:^|\s+)(\w)/g, (_, c: string) => c.toUpperCase())}`;
    const properties = json.properties as Record<string, JsonSchema>;
    this.types[token] = {
      type: 'object',
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
      properties: Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [
          key,
          this.convert(
            value,
            typeof value.description === 'string' ? value.description : undefined,
          ),
        ]),
      ),
      required: (json.required as string[] | undefined) ?? [],
    };
    return `#/types/${token}`;
  }
}

import type { ErrorObject } from 'ajv';
import { closeTo } from '../model/names';

/** One thing wrong with an inventory file, where it is, and what to do. */
export interface InventoryProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  fix: string;
}

/** `FILE:LINE:COL message — fix`, the form editors and CI logs link to. */
export function formatProblem(problem: InventoryProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message} — ${problem.fix}`;
}

export type PathSegment = string | number;

/** `phoneNumbers.alerts.numberCapabilities[0]` */
export function renderPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  }
  return text || 'the file';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

const TYPE_WORDS: Record<string, { noun: string; fix: string }> = {
  object: { noun: 'a mapping', fix: 'write a mapping of names to values' },
  array: { noun: 'a list', fix: 'write a list, e.g. [SMS, VOICE]' },
  string: { noun: 'a string', fix: 'write a string (quote it if it looks like a number)' },
  boolean: { noun: 'true or false', fix: 'write true or false' },
  integer: { noun: 'a whole number', fix: 'write a whole number' },
  number: { noun: 'a number', fix: 'write a number' },
};

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

function requiredHint(parentSchema: Schema | undefined, property: string): string {
  const schema = parentSchema?.properties?.[property];
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return `: one of ${schema.enum.join(', ')}`;
  if (typeof schema.description === 'string') return ` (${schema.description})`;
  return '';
}

/**
 * An ajv error as a message and a fix. `path` is where it points (for unknown properties
 * and bad keys: the key itself).
 */
export function describeSchemaError(
  error: ErrorObject,
  path: PathSegment[],
): { path: PathSegment[]; message: string; fix: string; atKey: boolean } {
  const where = renderPath(path);
  const parentSchema = error.parentSchema as Schema | undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return {
        path,
        atKey: false,
        message: `${where}: ${missing} is required`,
        fix: `add ${missing}${requiredHint(parentSchema, missing)}`,
      };
    }
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parentSchema?.properties ?? {});
      const guess = known.find((name) => closeTo(name, extra));
      return {
        path: [...path, extra],
        atKey: true,
        message: `${renderPath([...path, extra])}: unknown property "${extra}"`,
        fix: guess ? `did you mean ${guess}?` : `remove it; known here: ${known.join(', ')}`,
      };
    }
    case 'propertyNames': {
      const name = String((error.params as { propertyName: string }).propertyName);
      const hint = (parentSchema?.propertyNames as Schema | undefined)?.['x-hint'];
      return {
        path: [...path, name],
        atKey: true,
        message: `${where}: "${name}" is not a valid key`,
        fix: typeof hint === 'string' ? hint : 'rename the key',
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        path,
        atKey: false,
        message: `${where}: ${describeValue(error.data)} is not allowed`,
        fix: `use one of ${allowed.map(String).join(', ')}`,
      };
    }
    case 'type': {
      const type = String((error.params as { type: string }).type).split(',')[0] ?? 'string';
      const words = TYPE_WORDS[type] ?? { noun: type, fix: `write ${type}` };
      return {
        path,
        atKey: false,
        message: `${where}: must be ${words.noun}, not ${describeValue(error.data)}`,
        fix: words.fix,
      };
    }
    case 'pattern': {
      const hint = parentSchema?.['x-hint'];
      return {
        path,
        atKey: false,
        message: `${where}: ${describeValue(error.data)} is not valid`,
        fix:
          typeof hint === 'string'
            ? hint
            : `match ${String((error.params as { pattern: string }).pattern)}`,
      };
    }
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      const low = error.keyword === 'minimum';
      return {
        path,
        atKey: false,
        message: `${where}: ${describeValue(error.data)} is too ${low ? 'small' : 'large'}`,
        fix: `use a value of at ${low ? 'least' : 'most'} ${limit}`,
      };
    }
    case 'minItems':
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      const low = error.keyword === 'minItems';
      const count = Array.isArray(error.data) ? error.data.length : 0;
      return {
        path,
        atKey: false,
        message: `${where}: has ${count} item${count === 1 ? '' : 's'}`,
        fix: `list at ${low ? 'least' : 'most'} ${limit}`,
      };
    }
    case 'minLength':
    case 'maxLength': {
      const limit = (error.params as { limit: number }).limit;
      const low = error.keyword === 'minLength';
      return {
        path,
        atKey: false,
        message: `${where}: ${describeValue(error.data)} is too ${low ? 'short' : 'long'}`,
        fix: `use at ${low ? 'least' : 'most'} ${limit} characters`,
      };
    }
    case 'maxProperties': {
      const limit = (error.params as { limit: number }).limit;
      const count =
        error.data && typeof error.data === 'object' ? Object.keys(error.data).length : 0;
      return {
        path,
        atKey: false,
        message: `${where}: has ${count} entries`,
        fix: `keep at most ${limit}`,
      };
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      const [first, second] = [Math.min(i, j), Math.max(i, j)];
      return {
        path: [...path, second],
        atKey: false,
        message: `${where}: lists ${describeValue((error.data as unknown[])[second])} twice (items ${first + 1} and ${second + 1})`,
        fix: 'name each once',
      };
    }
    default:
      return {
        path,
        atKey: false,
        message: `${where}: ${error.message ?? 'is not valid'}`,
        fix: 'see schema/inventory.schema.json',
      };
  }
}

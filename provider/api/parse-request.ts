import type { z } from 'zod';
import { validation } from './errors';

/**
 * Validation of a request against its shape: one ValidationException that names every bad
 * field, its value and the fix (the service's parse and the provider's check alike).
 */

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON has no Infinity: 1e999 parses to it, and JSON.stringify would say null.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${value} (a number too large to hold)`;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeIssue(issue: z.core.$ZodIssue, what: string): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : what;
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    const expected =
      issue.code === 'invalid_value'
        ? `one of ${issue.values.map(String).join(', ')}`
        : issue.code === 'invalid_type'
          ? issue.expected
          : 'a value';
    return `${field} is required; add it (${expected})`;
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field === what ? what : field} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((key) => `"${key}"`)
        .join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(String).join(', ')}; got ${describeValue(input)}`;
    case 'invalid_type':
      if (!issue.message.startsWith('Invalid')) {
        return `${field} ${issue.message}; got ${describeValue(input)}`;
      }
      return `${field} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}; got ${describeValue(input)}`;
    case 'invalid_key': {
      // A record's key: zod says only "Invalid key in record"; the key's own rule says why.
      const parent = issue.path.slice(0, -1).map(String).join('.') || what;
      const why = issue.issues.map((inner) => inner.message).join('; ');
      const key = issue.path.at(-1);
      return `${parent} has the key ${describeValue(String(key))}, but ${why}; shorten or rename it`;
    }
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return `${field} ${issue.message.startsWith('Too') || issue.message.startsWith('Invalid') ? plainBound(issue) : issue.message}; got ${describeValue(input)}`;
    default:
      return `${field}: ${issue.message}; got ${describeValue(input)}`;
  }
}

function plainBound(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const exclusive = issue.inclusive === false;
    const side =
      issue.code === 'too_small'
        ? exclusive
          ? 'more than'
          : 'at least'
        : exclusive
          ? 'less than'
          : 'at most';
    const one = bound === '1';
    const unit =
      issue.origin === 'string'
        ? one
          ? ' character'
          : ' characters'
        : issue.origin === 'array'
          ? one
            ? ' item'
            : ' items'
          : '';
    return `must be ${side} ${bound}${unit}`;
  }
  return issue.message;
}

/**
 * Where a value holds `__proto__` as a key (JSON.parse makes such objects): the schemas
 * would drop it without a word, or (a record) take it as the object's prototype.
 */
function protoKeyPath(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.hasOwn(value, '__proto__')) return `${path}.__proto__`;
  for (const [key, item] of Object.entries(value)) {
    const found = protoKeyPath(item, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Validates `input` against `schema`; on failure throws one ValidationException naming
 * every bad field, its value and the fix. `what` names the request in messages.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validation(`${what} must be a JSON object; got ${describeValue(input)}`);
  }
  const proto = Object.entries(input).reduce<string | undefined>(
    (found, [key, value]) => found ?? protoKeyPath(value, key),
    undefined,
  );
  if (proto !== undefined) {
    throw validation(`${proto} is a key no object can hold as data; rename it`);
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw validation(result.error.issues.map((issue) => describeIssue(issue, what)).join('; '));
}

/**
 * What is wrong with `input` apart from the issues `ignored` picks by path (the provider's
 * check ignores those at values the engine does not know yet): one sentence per issue.
 */
export function issuesApartFrom(
  schema: z.ZodType,
  input: unknown,
  what: string,
  ignored: (path: readonly PropertyKey[]) => boolean,
): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !ignored(issue.path))
    .map((issue) => describeIssue(issue, what));
}

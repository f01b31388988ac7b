import { readFileSync } from 'node:fs';
import { RunError } from '@pulumi/pulumi/errors';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import {
  LineCounter,
  parseDocument,
  isMap,
  isPair,
  isScalar,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { DEFAULT_NUMBER_QUOTA } from '../model/limits';
import type { Inventory } from './inventory-schema';
import { inventoryJsonSchema } from './json-schemas';
import {
  describeSchemaError,
  formatProblem,
  type InventoryProblem,
  type PathSegment,
} from './inventory-problems';
import { checkInventoryRules } from './inventory-rules';

export interface LoadOptions {
  /** The account's number quota. @default 25 */
  numberQuota?: number;
  /** Names of numbers that had deletion protection in the last deployment. */
  previouslyProtected?: readonly string[];
  /**
   * Per-stack counts (stack config `numberplane:counts`), so that stacks share one
   * inventory shape: `{ agents: 2 }` sets phoneNumbers.agents.count.
   */
  counts?: Record<string, unknown>;
}

export interface LoadedInventory {
  /** Set only when there are no problems. */
  inventory?: Inventory;
  problems: InventoryProblem[];
}

/**
 * Raised with every problem of a file; its message lists them, one `FILE:LINE:COL …` per
 * line. A RunError, so the engine prints the message without a stack trace.
 *
 * It carries no stack frames either: `@pulumi/pulumi` also passes every uncaught error to
 * `util.inspect(error, { colors: true })`, which on Node.js 20 and 22 loops until the string
 * overflows on a frame of a file right under a scope folder (`node_modules/@pulumi/resource.ts`,
 * where `@pulumi/pulumi`'s source maps put its own frames): 16 s and 3 GB of heap for every
 * broken file, before the engine heard of it. Node.js 24 is not affected.
 */
export class InventoryError extends RunError {
  readonly brand = 'numberplane.InventoryError';
  constructor(readonly problems: InventoryProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InventoryError';
    this.stack = `${this.name}: ${this.message}`;
  }

  static isInstance(value: unknown): value is InventoryError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === 'numberplane.InventoryError'
    );
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    ajv.addKeyword('x-hint');
    validator = ajv.compile(inventoryJsonSchema());
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The offset of what `path` names: its value, or with `atKey` the key of its last segment. */
function offsetOf(document: Document, path: PathSegment[], atKey: boolean): number {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    if (atKey && length === path.length && prefix.length > 0) {
      const parent =
        prefix.length > 1 ? document.getIn(prefix.slice(0, -1), true) : document.contents;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) =>
            isPair(item) &&
            isScalar(item.key) &&
            String(item.key.value) === String(path[path.length - 1]),
        );
        const key = pair?.key as Node | undefined;
        if (key?.range) return key.range[0];
      }
      continue;
    }
    const node = (
      prefix.length === 0 ? document.contents : document.getIn(prefix, true)
    ) as Node | null;
    if (node?.range) return node.range[0];
  }
  return 0;
}

/**
 * Parses and checks an inventory: YAML syntax, the JSON Schema (ajv), then the rules a
 * schema cannot express. Every problem is reported, with its line and column, at once.
 */
export function parseInventory(
  text: string,
  file: string,
  options: LoadOptions = {},
): LoadedInventory {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        ...at(error.pos[0]),
        message:
          error.code === 'DUPLICATE_KEY'
            ? 'this key appears twice in the same mapping'
            : `YAML syntax: ${error.message.split('\n')[0]}`,
        fix: error.code === 'DUPLICATE_KEY' ? 'keep one of them' : 'fix the YAML syntax here',
      })),
    };
  }
  const data = document.toJS() ?? {};
  const problems: InventoryProblem[] = [];
  // The API refuses `__proto__` as a key (no object holds it as data): say so here, where it is.
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__' && pair.key.range) {
        problems.push({
          ...at(pair.key.range[0]),
          message: '"__proto__" cannot be a key',
          fix: 'rename it',
        });
      }
    },
  });
  const numbers = (data as { phoneNumbers?: Record<string, Record<string, unknown>> }).phoneNumbers;
  for (const [key, count] of Object.entries(options.counts ?? {})) {
    const entry = numbers?.[key];
    if (entry && typeof entry === 'object') {
      entry.count = count;
      continue;
    }
    problems.push({
      ...at(offsetOf(document, ['phoneNumbers'], true)),
      message: `numberplane:counts: "${key}" is not a key under phoneNumbers`,
      fix: `use one of ${Object.keys(numbers ?? {}).join(', ') || '(none declared)'}, or remove it from the stack config`,
    });
  }
  const seen = new Set<string>();
  for (const error of validate(data)) {
    // ajv reports a bad key twice (propertyNames and the pattern inside it): keep one.
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue;
    const described = describeSchemaError(error, pathOf(error.instancePath));
    const problem = {
      ...at(offsetOf(document, described.path, described.atKey)),
      message: described.message,
      fix: described.fix,
    };
    const id = JSON.stringify(problem);
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  for (const rule of checkInventoryRules(data, {
    numberQuota: options.numberQuota ?? DEFAULT_NUMBER_QUOTA,
    previouslyProtected: options.previouslyProtected ?? [],
  })) {
    problems.push({
      ...at(offsetOf(document, rule.path, rule.atKey ?? false)),
      message: rule.message,
      fix: rule.fix,
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length > 0 ? { problems } : { inventory: data as Inventory, problems };
}

export function loadInventory(
  path: string,
  options: LoadOptions = {},
  displayPath: string = path,
): LoadedInventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      problems: [
        {
          file: displayPath,
          line: 1,
          column: 1,
          message: `cannot read the inventory (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
          fix: 'check the path in numberplane:inventory (relative to the project directory)',
        },
      ],
    };
  }
  return parseInventory(text, displayPath, options);
}

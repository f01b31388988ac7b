import fc from 'fast-check';

/**
 * Shared pieces of the generated bad-input tests (issue 14, item 2): the seed every
 * property runs with, and the odd values and keys the generators draw from.
 */

/**
 * Runs per property: the issue asks for at least 200 generated cases per surface;
 * `NUMBERPLANE_PROPERTY_RUNS` asks for more (a longer hunt), never fewer.
 */
export const CASES = Math.max(200, Number(process.env.NUMBERPLANE_PROPERTY_RUNS ?? 0) || 0);

/**
 * The seed of this run: `NUMBERPLANE_PROPERTY_SEED` replays a run (fast-check prints the
 * seed and the counterexample of a failure), otherwise a fresh one, printed by `closingLine`.
 */
export function propertySeed(): number {
  const given = process.env.NUMBERPLANE_PROPERTY_SEED;
  if (given !== undefined && given.trim() !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) {
      throw new Error(`NUMBERPLANE_PROPERTY_SEED must be an integer; got "${given}"`);
    }
    return seed;
  }
  return Math.floor(Math.random() * 0x7fffffff);
}

/** The line a surface closes with: how many cases ran, and how to replay them. */
export function closingLine(surface: string, cases: number, seed: number, ms: number): string {
  return `${surface}: ${cases} generated bad inputs, each answered by one clear error; seed ${seed} (replay: NUMBERPLANE_PROPERTY_SEED=${seed}); ${(ms / 1000).toFixed(1)} s`;
}

/** Writes the closing line where jest does not decorate it. */
export function printClosingLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Keys that have bitten JavaScript code: prototype names and friends. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
] as const;

/** Strings with what breaks naive code: NUL, control characters, unicode, lone surrogates. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e\u200b',
    '\ud800',
    '\udfff',
    '😀',
    'e\u0301',
    '\r\n',
    '\t',
    '%00',
    '${x}',
    '../..',
    "'; DROP TABLE phone_numbers; --",
    'null',
    'true',
    '1e999',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

/** A key for an object: ordinary, odd, or a prototype name. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  oddString,
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Values of every JSON type, odd ones preferred; objects may carry prototype keys. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, 100, 1000),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    oddString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => objectOf(entries)),
  ),
})).value;

/**
 * An object with these own properties, `__proto__` included as an own key (what
 * `JSON.parse` makes of it), never as the prototype.
 */
export function objectOf(
  entries: readonly (readonly [string, unknown])[],
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/** An object nested `depth` levels deep (arrays and objects alternating), `leaf` inside. */
export function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

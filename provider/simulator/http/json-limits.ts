/** How big a JSON request body may be in shape, checked on its text before it is parsed. */
export interface JsonLimits {
  /** Objects and arrays nested inside each other. */
  readonly depth: number;
  /** Items in any one array. */
  readonly arrayItems: number;
  /** Characters in any one string (keys included), escapes counted as one. */
  readonly stringChars: number;
}

/** Every request: far beyond what any operation takes, far below what hurts the server. */
export const REQUEST_JSON_LIMITS: JsonLimits = { depth: 32, arrayItems: 1000, stringChars: 65536 };

/** A state import carries whole tables (one array item per row). */
export const STATE_JSON_LIMITS: JsonLimits = {
  depth: 32,
  arrayItems: 1_000_000,
  stringChars: 1_048_576,
};

interface Open {
  readonly array: boolean;
  items: number;
}

/**
 * Reads a body's text once, without building anything, and says which limit it passes, if
 * any: a body nested thousands deep, or an array of millions, is refused before `JSON.parse`
 * and validation spend time and stack on it. Text that is not JSON passes here and fails in
 * `JSON.parse` with its own message.
 */
export function jsonLimitPassed(text: string, limits: JsonLimits): string | undefined {
  const open: Open[] = [];
  let inString = false;
  let escaped = false;
  let stringChars = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') {
        escaped = true;
        continue;
      } else if (char === '"') {
        inString = false;
        continue;
      }
      if (++stringChars > limits.stringChars) {
        return `request body has a string longer than ${limits.stringChars} characters; send shorter strings`;
      }
      continue;
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    const top = open[open.length - 1];
    if (char === ']' || char === '}') {
      open.pop();
      continue;
    }
    if (char === ',' || char === ':') {
      if (char === ',' && top?.array) top.items++;
      if (top?.array && top.items > limits.arrayItems) {
        return `request body has an array of more than ${limits.arrayItems} items; send at most ${limits.arrayItems}`;
      }
      continue;
    }
    // A value starts: the first one in an array counts as its first item.
    if (top?.array && top.items === 0) top.items = 1;
    if (char === '"') {
      inString = true;
      stringChars = 0;
    } else if (char === '[' || char === '{') {
      open.push({ array: char === '[', items: 0 });
      if (open.length > limits.depth) {
        return `request body nests objects and arrays deeper than ${limits.depth} levels; send a flatter body`;
      }
    } else {
      // A number, true, false or null: skip to its end.
      while (i + 1 < text.length && /[^\s,\]}:]/.test(text[i + 1] as string)) i++;
    }
  }
  return undefined;
}

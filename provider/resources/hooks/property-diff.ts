import { containsUnknown } from './unknowns';

/** How one input property is compared and what a change to it means. */
export interface PropertySpec {
  name: string;
  /** A change replaces the object instead of updating it in place. */
  replaces?: boolean;
  /** The backend chooses a value when none is declared: no declared value, no diff. */
  computedWhenAbsent?: boolean;
  /** Compare as a set (order does not matter). */
  unordered?: boolean;
  /** Another way of writing the same value, e.g. an ARN for the name it ends in. */
  canonical?: (value: unknown) => unknown;
  /** What the backend holds when no value is declared: the same as declaring it. */
  absentMeans?: unknown;
}

export type Props = Record<string, unknown>;

/** null and undefined are both "not set"; {} tags equal no tags; sets compare sorted. */
function normalize(value: unknown, spec: PropertySpec): unknown {
  if (value === null || value === undefined) return spec.absentMeans;
  if (spec.canonical) return spec.canonical(value);
  if (spec.unordered && Array.isArray(value)) return [...value].map(String).sort();
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
    return undefined;
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a as Props).filter((k) => (a as Props)[k] !== undefined);
    const keysB = Object.keys(b as Props).filter((k) => (b as Props)[k] !== undefined);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => sameValue((a as Props)[key], (b as Props)[key]))
    );
  }
  return false;
}

/** The declared properties whose value differs between `olds` (state) and `news` (program). */
export function changedProperties(
  olds: Props,
  news: Props,
  specs: readonly PropertySpec[],
): PropertySpec[] {
  return specs.filter((spec) => {
    const next = news[spec.name];
    if (containsUnknown(next)) return true;
    if (spec.computedWhenAbsent && (next === undefined || next === null)) return false;
    return !sameValue(normalize(olds[spec.name], spec), normalize(next, spec));
  });
}

/**
 * An adoption's refusal, or nothing: the replacing properties whose declared value differs
 * from the object's, each with both values. Adopting it anyway would plan its replacement
 * at the next preview, releasing what was adopted.
 */
export function adoptionProblem(
  what: string,
  actual: Props,
  declared: Props,
  specs: readonly PropertySpec[],
): Error | undefined {
  const differences = changedProperties(
    actual,
    declared,
    specs.filter((spec) => spec.replaces),
  ).map(
    (spec) =>
      `${spec.name} is ${JSON.stringify(actual[spec.name])}, declared ${JSON.stringify(declared[spec.name])}`,
  );
  if (differences.length === 0) return undefined;
  return new Error(
    `cannot adopt ${what}: ${differences.join('; ')}. A change to ${differences.length > 1 ? 'these properties replaces' : 'this property replaces'} it, so the next up would release what was adopted; declare what it is, or adopt another`,
  );
}

export interface PropertyDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace?: boolean;
}

export function diffProperties(
  olds: Props,
  news: Props,
  specs: readonly PropertySpec[],
  options: { deleteBeforeReplace?: boolean } = {},
): PropertyDiff {
  const changed = changedProperties(olds, news, specs);
  const replaces = changed.filter((spec) => spec.replaces).map((spec) => spec.name);
  return {
    changes: changed.length > 0,
    replaces,
    ...(replaces.length > 0 && options.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
  };
}

/** Drops undefined and null values, so state holds only what is set. */
export function compact(props: Props): Props {
  const result: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result;
}

/**
 * What the soak's stack declares in each round (test/chaos/project/index.js declares it):
 * numbers live two rounds in batches of BATCH, so every round after the first creates a
 * batch, deletes the oldest, and moves a third of the batch in its second round to another
 * voice connector group or opt-out list. A few protected numbers and the connectors, groups
 * and lists stay in every round; the protected numbers change group, list and tags each round.
 */
export interface NumberSpec {
  readonly areaCode: string;
  /** Voice numbers are assigned to this group; SMS numbers use `optOutList`. */
  readonly group?: string;
  readonly optOutList?: string;
  readonly protected: boolean;
  readonly tags?: Record<string, string>;
}

export interface RoundSpec {
  readonly connectors: Record<string, { awsRegion: string; tags?: Record<string, string> }>;
  /** Group name → its connectors' names, in priority order. */
  readonly groups: Record<string, string[]>;
  readonly optOutLists: string[];
  readonly numbers: Record<string, NumberSpec>;
}

export const BATCH = Number(process.env.NUMBERPLANE_CHAOS_BATCH ?? 155);
export const PROTECTED = 5;
const CONNECTORS = 6;
const GROUPS = 3;
const LISTS = 4;
const AREA_CODES = ['206', '212', '312', '415', '503'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-2'];

export const protectedName = (k: number): string => `keep-${k}`;

function number(i: number, moved: boolean): NumberSpec {
  const shift = moved ? 1 : 0;
  return {
    areaCode: AREA_CODES[i % AREA_CODES.length] as string,
    ...(i % 2 === 0
      ? { group: `group-${(i + shift) % GROUPS}` }
      : { optOutList: `list-${(i + shift) % LISTS}` }),
    protected: false,
    ...(moved ? { tags: { moved: 'yes' } } : {}),
  };
}

export function roundSpec(round: number): RoundSpec {
  const connectors: RoundSpec['connectors'] = {};
  for (let c = 0; c < CONNECTORS; c++) {
    // One connector's tags change each round: an update in place.
    connectors[`vc-${c}`] = {
      awsRegion: REGIONS[c % REGIONS.length] as string,
      tags: { rev: String(Math.floor((round + c) / CONNECTORS)) },
    };
  }
  const groups: RoundSpec['groups'] = {};
  for (let g = 0; g < GROUPS; g++) groups[`group-${g}`] = [`vc-${2 * g}`, `vc-${2 * g + 1}`];
  const optOutLists = Array.from({ length: LISTS }, (_, l) => `list-${l}`);
  const numbers: Record<string, NumberSpec> = {};
  for (let k = 0; k < PROTECTED; k++) {
    numbers[protectedName(k)] = {
      areaCode: AREA_CODES[k % AREA_CODES.length] as string,
      ...(k % 2 === 0
        ? { group: `group-${(k + round) % GROUPS}` }
        : { optOutList: `list-${(k + round) % LISTS}` }),
      protected: true,
      tags: { round: String(round) },
    };
  }
  // Batches `round` and `round + 1`: batch b is created in round b - 1 (round 0 for the
  // first two) and deleted in round b + 1; in round b a third of it moves.
  for (let i = round * BATCH; i < (round + 2) * BATCH; i++) {
    const batch = Math.floor(i / BATCH);
    numbers[`n-${i}`] = number(i, round > 0 && batch === round && i % 3 === 0);
  }
  return { connectors, groups, optOutLists, numbers };
}

/** Every resource name a round declares (the stack's resources, URN names). */
export function declaredNames(spec: RoundSpec): string[] {
  return [
    ...Object.keys(spec.connectors),
    ...Object.keys(spec.groups),
    ...spec.optOutLists,
    ...Object.keys(spec.numbers),
  ];
}

export interface RoundChanges {
  creates: number;
  updates: number;
  deletes: number;
}

/** What going from one round's declaration to the next asks of the engine. */
export function changesBetween(before: RoundSpec | undefined, after: RoundSpec): RoundChanges {
  const entries = (spec: RoundSpec | undefined): Map<string, string> =>
    new Map(
      spec
        ? [
            ...Object.entries(spec.connectors),
            ...Object.entries(spec.groups),
            ...spec.optOutLists.map((name) => [name, name] as const),
            ...Object.entries(spec.numbers),
          ].map(([name, value]) => [name, JSON.stringify(value)])
        : [],
    );
  const old = entries(before);
  const next = entries(after);
  let creates = 0;
  let updates = 0;
  for (const [name, value] of next) {
    if (!old.has(name)) creates++;
    else if (old.get(name) !== value) updates++;
  }
  const deletes = [...old.keys()].filter((name) => !next.has(name)).length;
  return { creates, updates, deletes };
}

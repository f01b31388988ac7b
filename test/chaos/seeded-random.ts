import { randomInt } from 'node:crypto';

/** The soak's seed: `NUMBERPLANE_CHAOS_SEED` to replay a run, a new one otherwise. */
export function chaosSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.NUMBERPLANE_CHAOS_SEED;
  if (given === undefined || given === '') return randomInt(1, 2 ** 31);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`NUMBERPLANE_CHAOS_SEED must be an integer 0..2^32-1; got "${given}"`);
  }
  return seed;
}

/** mulberry32: a small PRNG, the same sequence for the same seed on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `count` distinct items of `items`, in the order drawn. */
  pick<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    }
    return chosen;
  }
}

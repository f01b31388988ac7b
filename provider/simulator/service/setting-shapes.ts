import { z } from 'zod';
import { LATEST_CLOCK_MS } from '../domain/clock';
import { validation } from '../../api/errors';
import { NUMBER_TYPES } from '../../api/objects';
import { ADMIN_KEY_SETTING } from '../store/settings';
import { CLOCK_SETTING } from './clock';
import { PAGE_TOKEN_SECRET_SETTING } from './pagination';
import { SEED_SETTING } from './faults';
import { MAX_PROVISIONING_DELAY_MS, PROVISIONING_DELAYS_SETTING } from './settings';

/** The latest time a JavaScript Date can hold. */
const LATEST_DATE_MS = 8.64e15;

/**
 * What each row of the settings table may hold, as the operations that write it write it:
 * an imported document is held to the same, so no setting can make later calls fail.
 */
const SETTING_SHAPES: Record<string, { shape: z.ZodType; expected: string }> = {
  [ADMIN_KEY_SETTING]: {
    shape: z.string().regex(/^[0-9a-f]{64}$/),
    expected: 'the SHA-256 of the admin key, 64 lowercase hex digits',
  },
  [CLOCK_SETTING]: {
    shape: z.strictObject({
      mode: z.enum(['running', 'frozen']),
      scale: z.number().positive().max(1_000_000),
      anchorRealMs: z.number().int().min(0).max(LATEST_DATE_MS),
      anchorVirtualMs: z.number().int().min(0).max(LATEST_CLOCK_MS),
    }),
    expected: `{ mode: "running" or "frozen", scale in (0, 1000000], anchorRealMs and anchorVirtualMs as ms since 1970 (anchorVirtualMs up to ${new Date(LATEST_CLOCK_MS).toISOString()}) }`,
  },
  [PROVISIONING_DELAYS_SETTING]: {
    shape: z.partialRecord(
      z.enum(NUMBER_TYPES),
      z.number().int().min(0).max(MAX_PROVISIONING_DELAY_MS),
    ),
    expected: `milliseconds (0 to ${MAX_PROVISIONING_DELAY_MS}) per number type (${NUMBER_TYPES.join(', ')})`,
  },
  [SEED_SETTING]: { shape: z.string().max(256), expected: 'a string of up to 256 characters' },
  [PAGE_TOKEN_SECRET_SETTING]: {
    shape: z.string().regex(/^[0-9a-f]{64}$/),
    expected: 'the secret page tokens are sealed with, 64 lowercase hex digits',
  },
};

/** Fails, naming the row and what it may hold, unless `row` is a setting the operations could have written. */
export function checkSettingRow(row: Record<string, unknown>, index: number): void {
  const where = `state document table settings row ${index}`;
  const key = row.key;
  const known = typeof key === 'string' ? SETTING_SHAPES[key] : undefined;
  if (typeof key !== 'string' || !known) {
    throw validation(
      `${where} key: ${JSON.stringify(key) ?? 'missing'} is not a setting; use one of ${Object.keys(SETTING_SHAPES).join(', ')} (pass a file made by state export)`,
    );
  }
  let value: unknown;
  try {
    value = typeof row.value === 'string' ? JSON.parse(row.value) : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined || !known.shape.safeParse(value).success) {
    throw validation(
      `${where} (key "${key}") value: ${JSON.stringify(row.value) ?? 'missing'} is not ${known.expected}, as JSON text; pass a file made by state export`,
    );
  }
}

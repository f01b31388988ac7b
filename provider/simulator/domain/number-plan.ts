import { chosenAreaCode, NUMBER_PLANS } from '../../model/number-plan';
import type { NumberType } from '../../api/objects';

export { monthlyLeasingPrice } from '../../model/number-plan';

export interface NumberBlock {
  /** Every number of the block starts with this. */
  prefix: string;
  suffixDigits: number;
  /** The area code numbers of this block carry (North America only). */
  areaCode: string | null;
}

/**
 * The block a claim draws from, for a combination the number plan offers (the rule book's
 * `planProblems` has said so before a claim gets here).
 */
export function numberBlock(
  isoCountryCode: string,
  numberType: NumberType,
  areaCode: string | null,
): NumberBlock {
  const block = NUMBER_PLANS[isoCountryCode]?.blocks[numberType];
  if (!block) throw new Error(`no ${numberType} block in ${isoCountryCode}: check the plan first`);
  const chosen = chosenAreaCode(isoCountryCode, numberType, areaCode ?? undefined);
  return {
    prefix: chosen ? block.prefix.replace('{area}', chosen) : block.prefix,
    suffixDigits: block.suffixDigits,
    areaCode: chosen ?? null,
  };
}

/**
 * Picks the first number of the block, starting at `offset`, that `isTaken` does not
 * reject. Returns null when the block is exhausted.
 */
export function pickNumber(
  block: NumberBlock,
  offset: number,
  isTaken: (candidate: string) => boolean,
): string | null {
  const size = 10 ** block.suffixDigits;
  for (let i = 0; i < size; i++) {
    const suffix = String((offset + i) % size).padStart(block.suffixDigits, '0');
    const candidate = `${block.prefix}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
  return null;
}

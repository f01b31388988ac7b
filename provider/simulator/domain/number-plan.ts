import { chosenAreaCode, NUMBER_PLANS, planProblems } from '../../model/number-plan';
import { validation } from '../../api/errors';
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

/** The area code a North American number carries (`+1 AAA …`): what a claim of it asks for. */
export function areaCodeOfNumber(
  isoCountryCode: string,
  numberType: NumberType,
  phoneNumber: string,
): string | undefined {
  if (!NUMBER_PLANS[isoCountryCode]?.areaCodes || numberType === 'SHORT_CODE') return undefined;
  return /^\+1(\d{3})/.exec(phoneNumber)?.[1];
}

/**
 * The country and type (of `numberTypes`, tried in order) whose block holds `phoneNumber`:
 * what a claim of a number named only by its E.164 form is. `field` names it in the error.
 */
export function planOfNumber(
  phoneNumber: string,
  numberTypes: readonly NumberType[],
  field: string,
): { isoCountryCode: string; numberType: NumberType } {
  for (const [isoCountryCode, plan] of Object.entries(NUMBER_PLANS)) {
    for (const numberType of numberTypes) {
      if (!plan.blocks[numberType]) continue;
      const areaCode = areaCodeOfNumber(isoCountryCode, numberType, phoneNumber);
      if (planProblems(isoCountryCode, numberType, areaCode).length > 0) continue;
      if (inBlock(numberBlock(isoCountryCode, numberType, areaCode ?? null), phoneNumber)) {
        return { isoCountryCode, numberType };
      }
    }
  }
  throw validation(
    `${field}: ${phoneNumber} is not a ${numberTypes.join(' or ')} number the carrier offers; search for available numbers first`,
  );
}

/** Whether `phoneNumber` is one of the block's numbers. */
export const inBlock = (block: NumberBlock, phoneNumber: string): boolean =>
  phoneNumber.startsWith(block.prefix) &&
  phoneNumber.length === block.prefix.length + block.suffixDigits &&
  /^\d+$/.test(phoneNumber.slice(block.prefix.length));

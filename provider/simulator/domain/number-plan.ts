import { validation } from './errors';
import type { NumberType } from './types';

/**
 * Which numbers the simulated carrier hands out: per country, the number types offered
 * and the block each type's numbers come from. Blocks use ranges reserved for fiction
 * where the country has one (555 exchanges in North America, Ofcom's drama ranges).
 */
interface CountryPlan {
  name: string;
  /** Number types offered in this country, with the block each comes from. */
  blocks: Partial<Record<NumberType, { prefix: string; suffixDigits: number }>>;
  /** North American numbering: numbers can be asked for by area code. */
  areaCodes?: { default: string; tollFree: readonly string[] };
}

const PLANS: Record<string, CountryPlan> = {
  US: {
    name: 'United States',
    blocks: {
      LONG_CODE: { prefix: '+1{area}555', suffixDigits: 4 },
      TEN_DLC: { prefix: '+1{area}555', suffixDigits: 4 },
      SIMULATOR: { prefix: '+1{area}555', suffixDigits: 4 },
      TOLL_FREE: { prefix: '+1{area}555', suffixDigits: 4 },
      SHORT_CODE: { prefix: '2', suffixDigits: 4 },
    },
    areaCodes: { default: '206', tollFree: ['833', '844', '855', '866', '877', '888'] },
  },
  CA: {
    name: 'Canada',
    blocks: {
      LONG_CODE: { prefix: '+1{area}555', suffixDigits: 4 },
      TOLL_FREE: { prefix: '+1{area}555', suffixDigits: 4 },
      SHORT_CODE: { prefix: '3', suffixDigits: 4 },
    },
    areaCodes: { default: '604', tollFree: ['833', '844', '855', '866', '877', '888'] },
  },
  GB: {
    name: 'United Kingdom',
    blocks: {
      LONG_CODE: { prefix: '+447700900', suffixDigits: 3 },
      TOLL_FREE: { prefix: '+44808157', suffixDigits: 4 },
      SHORT_CODE: { prefix: '6', suffixDigits: 4 },
    },
  },
  DE: { name: 'Germany', blocks: { LONG_CODE: { prefix: '+4915205', suffixDigits: 6 } } },
  FR: { name: 'France', blocks: { LONG_CODE: { prefix: '+33639', suffixDigits: 6 } } },
  AU: {
    name: 'Australia',
    blocks: {
      LONG_CODE: { prefix: '+614915', suffixDigits: 5 },
      TOLL_FREE: { prefix: '+611800160', suffixDigits: 3 },
    },
  },
  JP: { name: 'Japan', blocks: { LONG_CODE: { prefix: '+81905', suffixDigits: 6 } } },
};

export const SUPPORTED_COUNTRIES = Object.keys(PLANS);

export interface NumberBlock {
  /** Every number of the block starts with this. */
  prefix: string;
  suffixDigits: number;
  /** The area code numbers of this block carry (North America only). */
  areaCode: string | null;
}

/** The block a claim draws from; fails with a fix when the combination is not offered. */
export function numberBlock(
  isoCountryCode: string,
  numberType: NumberType,
  areaCode: string | null,
): NumberBlock {
  const plan = PLANS[isoCountryCode];
  if (!plan) {
    throw validation(
      `isoCountryCode "${isoCountryCode}" is not offered; use one of ${SUPPORTED_COUNTRIES.join(', ')}`,
    );
  }
  const block = plan.blocks[numberType];
  if (!block) {
    const offered = Object.keys(plan.blocks).join(', ');
    throw validation(
      `numberType ${numberType} is not offered in ${isoCountryCode} (${plan.name}); offered there: ${offered}`,
    );
  }
  if (!plan.areaCodes) {
    if (areaCode !== null) {
      throw validation(
        `areaCode "${areaCode}" is only supported in US and CA; remove it for ${isoCountryCode}`,
      );
    }
    return { prefix: block.prefix, suffixDigits: block.suffixDigits, areaCode: null };
  }
  if (numberType === 'SHORT_CODE') {
    if (areaCode !== null) {
      throw validation(`areaCode "${areaCode}" does not apply to SHORT_CODE numbers; remove it`);
    }
    return { prefix: block.prefix, suffixDigits: block.suffixDigits, areaCode: null };
  }
  const tollFree = numberType === 'TOLL_FREE';
  const chosen = areaCode ?? (tollFree ? plan.areaCodes.tollFree[0] : plan.areaCodes.default) ?? '';
  if (tollFree && !plan.areaCodes.tollFree.includes(chosen)) {
    throw validation(
      `areaCode "${chosen}" is not a toll-free prefix; use one of ${plan.areaCodes.tollFree.join(', ')}`,
    );
  }
  if (!tollFree && (!/^[2-9]\d\d$/.test(chosen) || plan.areaCodes.tollFree.includes(chosen))) {
    throw validation(
      `areaCode "${chosen}" is not a geographic area code; use three digits starting 2-9, e.g. ${plan.areaCodes.default}`,
    );
  }
  return {
    prefix: block.prefix.replace('{area}', chosen),
    suffixDigits: block.suffixDigits,
    areaCode: chosen,
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

const PRICES: Record<NumberType, string> = {
  LONG_CODE: '1.00',
  TOLL_FREE: '2.00',
  TEN_DLC: '2.00',
  SHORT_CODE: '995.00',
  SIMULATOR: '0.00',
};

export function monthlyLeasingPrice(numberType: NumberType): string {
  return PRICES[numberType];
}

import type { NumberType } from './enums';
import type { Problem } from './problem';

/**
 * Which numbers the simulated carrier hands out: per country, the number types offered
 * and the block each type's numbers come from. Blocks use ranges reserved for fiction
 * where the country has one (555 exchanges in North America, Ofcom's drama ranges).
 */
export interface CountryPlan {
  name: string;
  /** Number types offered in this country, with the block each comes from. */
  blocks: Partial<Record<NumberType, { prefix: string; suffixDigits: number }>>;
  /** North American numbering: numbers can be asked for by area code. */
  areaCodes?: { default: string; tollFree: readonly string[] };
}

const TOLL_FREE_PREFIXES = ['833', '844', '855', '866', '877', '888'];

export const NUMBER_PLANS: Readonly<Record<string, CountryPlan>> = {
  US: {
    name: 'United States',
    blocks: {
      LONG_CODE: { prefix: '+1{area}555', suffixDigits: 4 },
      TEN_DLC: { prefix: '+1{area}555', suffixDigits: 4 },
      SIMULATOR: { prefix: '+1{area}555', suffixDigits: 4 },
      TOLL_FREE: { prefix: '+1{area}555', suffixDigits: 4 },
      SHORT_CODE: { prefix: '2', suffixDigits: 4 },
    },
    areaCodes: { default: '206', tollFree: TOLL_FREE_PREFIXES },
  },
  CA: {
    name: 'Canada',
    blocks: {
      LONG_CODE: { prefix: '+1{area}555', suffixDigits: 4 },
      TOLL_FREE: { prefix: '+1{area}555', suffixDigits: 4 },
      SHORT_CODE: { prefix: '3', suffixDigits: 4 },
    },
    areaCodes: { default: '604', tollFree: TOLL_FREE_PREFIXES },
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

export const SUPPORTED_COUNTRIES = Object.keys(NUMBER_PLANS);

/** The area code a claim gets: the declared one, else the plan's default for the type. */
export function chosenAreaCode(
  isoCountryCode: string,
  numberType: NumberType,
  areaCode: string | undefined,
): string | undefined {
  const codes = NUMBER_PLANS[isoCountryCode]?.areaCodes;
  if (!codes || numberType === 'SHORT_CODE') return areaCode;
  return areaCode ?? (numberType === 'TOLL_FREE' ? codes.tollFree[0] : codes.default);
}

const problem = (code: Problem['code'], path: string, message: string, fix: string): Problem => ({
  code,
  path: [path],
  message,
  fix,
  kind: 'validation',
});

/** Whether the carrier offers this country, type and area code; the first problem, if any. */
export function planProblems(
  isoCountryCode: string,
  numberType: NumberType,
  areaCode: string | undefined,
): Problem[] {
  const plan = NUMBER_PLANS[isoCountryCode];
  if (!plan) {
    return [
      problem(
        'country-not-offered',
        'isoCountryCode',
        `isoCountryCode "${isoCountryCode}" is not offered`,
        `use one of ${SUPPORTED_COUNTRIES.join(', ')}`,
      ),
    ];
  }
  if (!plan.blocks[numberType]) {
    return [
      problem(
        'type-not-offered',
        'numberType',
        `numberType ${numberType} is not offered in ${isoCountryCode} (${plan.name})`,
        `offered there: ${Object.keys(plan.blocks).join(', ')}`,
      ),
    ];
  }
  if (areaCode === undefined && (!plan.areaCodes || numberType === 'SHORT_CODE')) return [];
  if (!plan.areaCodes) {
    return [
      problem(
        'area-code-not-supported',
        'areaCode',
        `areaCode "${areaCode}" is only supported in US and CA`,
        `remove it for ${isoCountryCode}`,
      ),
    ];
  }
  if (numberType === 'SHORT_CODE') {
    return [
      problem(
        'area-code-not-for-short-code',
        'areaCode',
        `areaCode "${areaCode}" does not apply to SHORT_CODE numbers`,
        'remove it',
      ),
    ];
  }
  const chosen = chosenAreaCode(isoCountryCode, numberType, areaCode) ?? '';
  const { tollFree } = plan.areaCodes;
  if (numberType === 'TOLL_FREE' && !tollFree.includes(chosen)) {
    return [
      problem(
        'not-toll-free-prefix',
        'areaCode',
        `areaCode "${chosen}" is not a toll-free prefix`,
        `use one of ${tollFree.join(', ')}`,
      ),
    ];
  }
  if (numberType !== 'TOLL_FREE' && (!/^[2-9]\d\d$/.test(chosen) || tollFree.includes(chosen))) {
    return [
      problem(
        'not-geographic-area-code',
        'areaCode',
        `areaCode "${chosen}" is not a geographic area code`,
        `use three digits starting 2-9, e.g. ${plan.areaCodes.default}`,
      ),
    ];
  }
  return [];
}

const PRICES: Record<NumberType, string> = {
  LONG_CODE: '1.00',
  TOLL_FREE: '2.00',
  TEN_DLC: '2.00',
  SHORT_CODE: '995.00',
  SIMULATOR: '0.00',
};

/** What a number of this type costs a month, in USD. */
export function monthlyLeasingPrice(numberType: NumberType): string {
  return PRICES[numberType];
}

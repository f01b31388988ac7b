import { randomInt } from 'node:crypto';
import { conflict, throwFirst, validation } from '../../api/errors';
import type { NumberType } from '../../api/objects';
import { parseRequest } from '../../api/parse-request';
import { searchAvailableNumbersRequest } from '../../api/requests';
import { planProblems } from '../../model/number-plan';
import { inBlock, numberBlock, type NumberBlock } from '../domain/number-plan';
import { isNumberUnavailable, unavailableNumbers } from '../store/number-releases';
import type { OperationContext } from './context';

/**
 * Numbers nobody holds, as Chime's and Connect's searches offer them before an order or a
 * claim names one: a search reserves nothing, so the claim may still find a number taken.
 */

/**
 * `phoneNumber` as a claim asks for it: a number of the block its country, type and area code
 * draw from, that nobody holds or is cooling down (ConflictException otherwise).
 */
export function claimableNumber(
  ctx: OperationContext,
  block: NumberBlock,
  phoneNumber: string,
  numberType: NumberType,
): string {
  if (!inBlock(block, phoneNumber)) {
    throw validation(
      `phoneNumber ${phoneNumber} is not a ${numberType} number the carrier offers here (those are ${block.prefix} and ${block.suffixDigits} digits); search for available numbers first`,
    );
  }
  if (isNumberUnavailable(ctx.db, phoneNumber, ctx.account.account_id, ctx.now)) {
    throw conflict(
      `phoneNumber ${phoneNumber} is not available: it is held, cooling down after a release, or this account released it; search for available numbers and pick another`,
    );
  }
  return phoneNumber;
}

/** Up to `maxResults` numbers of the block nobody holds, from a random place in it. */
export function searchAvailableNumbers(
  ctx: OperationContext,
  body: unknown,
): { phoneNumbers: string[] } {
  const request = parseRequest(
    searchAvailableNumbersRequest,
    body,
    'SearchAvailablePhoneNumbers request',
  );
  throwFirst(planProblems(request.isoCountryCode, request.numberType, request.areaCode));
  const block = numberBlock(request.isoCountryCode, request.numberType, request.areaCode ?? null);
  const unavailable = unavailableNumbers(ctx.db, block.prefix, ctx.account.account_id, ctx.now);
  const size = 10 ** block.suffixDigits;
  const start = randomInt(size);
  const found: string[] = [];
  for (let i = 0; i < size && found.length < (request.maxResults ?? 10); i++) {
    const candidate = `${block.prefix}${String((start + i) % size).padStart(block.suffixDigits, '0')}`;
    if (!unavailable.has(candidate)) found.push(candidate);
  }
  return { phoneNumbers: found };
}

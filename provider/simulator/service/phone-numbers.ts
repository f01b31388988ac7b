import { randomInt } from 'node:crypto';
import { churnProblem, numberQuotaProblem } from '../../model/account-rules';
import {
  CHURN_WINDOW_MS,
  COOL_DOWN_MS,
  DEFAULTS,
  DELETION_QUEUE_MS,
  FAILED_CLAIM_HOLD_MS,
} from '../../model/limits';
import { notActiveProblem, releaseProblem } from '../../model/number-rules';
import { conflict, notFound, throwFirst } from '../../api/errors';
import { newPhoneNumberId } from '../domain/ids';
import {
  areaCodeOfNumber,
  monthlyLeasingPrice,
  numberBlock,
  pickNumber,
} from '../domain/number-plan';
import { checkNumberSettings, checkProductTypeChange, isAssigned } from '../domain/phone-number';
import {
  createPhoneNumberRequest,
  type CreatePhoneNumberRequest,
  phoneNumberFilters,
  updatePhoneNumberRequest,
} from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { Page, PhoneNumber } from '../../api/objects';
import { cancelEvents, scheduleEvent } from '../store/due-events';
import { findListRow } from '../store/opt-out-lists';
import {
  deleteNumberRow,
  findNumberRow,
  insertNumberRow,
  inventoryCount,
  numberFromRow,
  numberKey,
  pageOfNumberRows,
  rowFromNumber,
  updateNumberRow,
} from '../store/phone-numbers';
import { churnLiftsAt, churnSince, forgetChurn, recordChurn } from '../store/churn';
import { isNumberUnavailable, recordRelease, unavailableNumbers } from '../store/number-releases';
import { claimableNumber } from './available-numbers';
import { optOutListNameOf } from './identifiers';
import { findConnectorRow } from '../store/voice-connectors';
import { findGroupRow } from '../store/voice-connector-groups';
import type { OperationContext } from './context';
import { createOnce } from './idempotency';
import { listPage } from './pagination';
import { provisioningDelays } from './settings';

function loadNumber(ctx: OperationContext, id: string): PhoneNumber {
  const row = findNumberRow(ctx.db, ctx.account.account_id, id);
  if (!row) {
    throw notFound(`phone number ${id} does not exist in this account; check the phoneNumberId`);
  }
  return numberFromRow(row, ctx.account.account_id);
}

function save(ctx: OperationContext, number: PhoneNumber): PhoneNumber {
  updateNumberRow(ctx.db, rowFromNumber(number, ctx.account.account_id));
  return loadNumber(ctx, number.phoneNumberId);
}

/** A request that names its opt-out list by ARN, with the list's name instead. */
function withListName<T extends { optOutListName?: string | undefined }>(
  ctx: OperationContext,
  request: T,
): T {
  return request.optOutListName === undefined
    ? request
    : { ...request, optOutListName: optOutListNameOf(ctx, request.optOutListName) };
}

function requireOptOutList(ctx: OperationContext, name: string): void {
  if (!findListRow(ctx.db, ctx.account.account_id, name)) {
    throw notFound(
      `opt-out list "${name}" does not exist in this account; create it first, or omit optOutListName to use Default`,
    );
  }
}

function requireAssignmentTarget(
  ctx: OperationContext,
  voiceConnectorId: string | null,
  voiceConnectorGroupId: string | null,
): void {
  if (voiceConnectorId && !findConnectorRow(ctx.db, ctx.account.account_id, voiceConnectorId)) {
    throw notFound(
      `voice connector ${voiceConnectorId} does not exist in this account; create it first or fix voiceConnectorId`,
    );
  }
  if (
    voiceConnectorGroupId &&
    !findGroupRow(ctx.db, ctx.account.account_id, voiceConnectorGroupId)
  ) {
    throw notFound(
      `voice connector group ${voiceConnectorGroupId} does not exist in this account; create it first or fix voiceConnectorGroupId`,
    );
  }
}

/**
 * Connect's churn cap, before a claim or a release (002 L39: "blocked from claiming and
 * releasing"); the refusal says when the oldest counted events will have left the window.
 */
function checkChurn(ctx: OperationContext, action: 'claiming' | 'releasing'): void {
  const quota = ctx.account.number_quota;
  const accountId = ctx.account.account_id;
  const since = ctx.now - CHURN_WINDOW_MS;
  const churn = churnSince(ctx.db, accountId, since);
  throwFirst([
    churnProblem(churn, quota, action, (cap) => {
      const liftsAt = churnLiftsAt(ctx.db, accountId, since, churn - cap, CHURN_WINDOW_MS);
      return liftsAt === undefined ? undefined : new Date(liftsAt).toISOString();
    }),
  ]);
}

/** The inventory quota and the Connect churn cap, checked before any claim. */
function checkClaimAllowed(ctx: OperationContext): void {
  const held = inventoryCount(ctx.db, ctx.account.account_id);
  throwFirst([numberQuotaProblem(held + 1, ctx.account.number_quota)]);
  checkChurn(ctx, 'claiming');
}

/**
 * Chime assigns only numbers in the Inventory (000 L29): a claim (or a retried one) of a
 * type that is PENDING for a while is not given a voice connector or group.
 */
function refuseAssignmentWhilePending(
  ctx: OperationContext,
  what: string,
  claim: Pick<PhoneNumber, 'numberType'> & {
    voiceConnectorId?: string | null;
    voiceConnectorGroupId?: string | null;
  },
): void {
  const delay = provisioningDelays(ctx)[claim.numberType];
  if (delay === 0 || (!claim.voiceConnectorId && !claim.voiceConnectorGroupId)) return;
  const activeAt = new Date(ctx.now + delay).toISOString();
  throwFirst([notActiveProblem(what, activeAt, 'assigned')]);
}

/** Moves a number into its claimed state: ACTIVE at once or PENDING until its delay passes. */
function startProvisioning(ctx: OperationContext, number: PhoneNumber): PhoneNumber {
  const delay = provisioningDelays(ctx)[number.numberType];
  const activeAt = ctx.now + delay;
  if (delay > 0) scheduleEvent(ctx.db, activeAt, 'activate-number', number.phoneNumberId);
  recordChurn(ctx.db, ctx.account.account_id, 'claim', ctx.now);
  return {
    ...number,
    status: delay > 0 ? 'PENDING' : 'ACTIVE',
    claimStatus: delay > 0 ? 'IN_PROGRESS' : 'CLAIMED',
    failureReason: null,
    activeAt: new Date(activeAt).toISOString(),
    releaseAt: null,
  };
}

/**
 * A failed claim keeps the number for a day so that the claimer can retry (Connect: "you
 * have one day to retry"). The day counts from the first failure: a failed retry keeps
 * the hold it had (`holdUntil`) and grants no new day.
 */
function failClaim(
  ctx: OperationContext,
  number: PhoneNumber,
  holdUntil: number = ctx.now + FAILED_CLAIM_HOLD_MS,
): PhoneNumber {
  const releaseAt = holdUntil;
  scheduleEvent(ctx.db, releaseAt, 'expire-failed-claim', number.phoneNumberId);
  return {
    ...number,
    status: 'FAILED',
    claimStatus: 'FAILED',
    failureReason:
      'the carrier did not confirm the claim; retry it within one day (RetryClaimPhoneNumber) or the number returns to the pool',
    activeAt: null,
    releaseAt: new Date(releaseAt).toISOString(),
  };
}

/** A number as a create request declares it, before it is claimed: defaults filled in. */
function draftNumber(
  ctx: OperationContext,
  request: CreatePhoneNumberRequest,
  phoneNumber: string,
  areaCode: string | null,
): PhoneNumber {
  return {
    phoneNumberId: newPhoneNumberId(),
    phoneNumber,
    arn: '',
    status: 'PENDING',
    claimStatus: 'IN_PROGRESS',
    failureReason: null,
    isoCountryCode: request.isoCountryCode,
    numberType: request.numberType,
    numberCapabilities: [...request.numberCapabilities].sort(),
    // Pinpoint 001 L69: "Otherwise, use TRANSACTIONAL".
    messageType: request.messageType ?? DEFAULTS.messageType,
    productType: request.productType ?? null,
    areaCode,
    deletionProtectionEnabled:
      request.deletionProtectionEnabled ?? DEFAULTS.deletionProtectionEnabled,
    optOutListName: request.optOutListName ?? DEFAULTS.optOutListName,
    selfManagedOptOutsEnabled:
      request.selfManagedOptOutsEnabled ?? DEFAULTS.selfManagedOptOutsEnabled,
    twoWayEnabled: request.twoWayEnabled ?? DEFAULTS.twoWayEnabled,
    twoWayChannelArn: request.twoWayChannelArn ?? null,
    registrationId: request.registrationId ?? null,
    voiceConnectorId: request.voiceConnectorId ?? null,
    voiceConnectorGroupId: request.voiceConnectorGroupId ?? null,
    monthlyLeasingPrice: monthlyLeasingPrice(request.numberType),
    tags: request.tags ?? {},
    createdTimestamp: new Date(ctx.now).toISOString(),
    activeAt: null,
    releaseAt: null,
    targetArn: request.targetArn ?? null,
  };
}

/** Candidates looked up one by one before a claim reads the block's taken numbers at once. */
const PROBES_BEFORE_SCAN = 32;

/**
 * A free number of the block the request asks for: the first free one from a random
 * offset; Conflict when none is left. Candidates are looked up one by one (a block mostly
 * free answers at the first), and after PROBES_BEFORE_SCAN taken ones the block's taken
 * numbers are read at once, so a crowded block costs one range read, not thousands.
 */
function chooseNumber(
  ctx: OperationContext,
  request: CreatePhoneNumberRequest,
): { phoneNumber: string; areaCode: string | null } {
  const block = numberBlock(request.isoCountryCode, request.numberType, request.areaCode ?? null);
  if (request.phoneNumber !== undefined) {
    return {
      phoneNumber: claimableNumber(ctx, block, request.phoneNumber, request.numberType),
      areaCode: block.areaCode,
    };
  }
  const accountId = ctx.account.account_id;
  let probes = 0;
  let unavailable: Set<string> | undefined;
  const isTaken = (candidate: string): boolean => {
    if (!unavailable && probes++ < PROBES_BEFORE_SCAN) {
      return isNumberUnavailable(ctx.db, candidate, accountId, ctx.now);
    }
    unavailable ??= unavailableNumbers(ctx.db, block.prefix, accountId, ctx.now);
    return unavailable.has(candidate);
  };
  const chosen = pickNumber(block, randomInt(10 ** block.suffixDigits), isTaken);
  if (!chosen) {
    throw conflict(
      `no ${request.numberType} numbers are left in ${request.isoCountryCode}${block.areaCode ? ` area code ${block.areaCode}` : ''}; try another areaCode or numberType`,
    );
  }
  return { phoneNumber: chosen, areaCode: block.areaCode };
}

/** A claim of one North American number asks for its area code (unless it names one itself). */
function withAreaCodeOfNumber(request: CreatePhoneNumberRequest): CreatePhoneNumberRequest {
  if (request.phoneNumber === undefined || request.areaCode !== undefined) return request;
  const areaCode = areaCodeOfNumber(
    request.isoCountryCode,
    request.numberType,
    request.phoneNumber,
  );
  return areaCode === undefined ? request : { ...request, areaCode };
}

/** Chooses and claims a number in one step (the caller holds the write transaction). */
export function createPhoneNumber(ctx: OperationContext, body: unknown): PhoneNumber {
  const request = withAreaCodeOfNumber(
    withListName(ctx, parseRequest(createPhoneNumberRequest, body, 'CreatePhoneNumber request')),
  );
  return createOnce(
    ctx,
    'CreatePhoneNumber',
    request,
    () => {
      checkNumberSettings(request);
      requireOptOutList(ctx, request.optOutListName ?? DEFAULTS.optOutListName);
      requireAssignmentTarget(
        ctx,
        request.voiceConnectorId ?? null,
        request.voiceConnectorGroupId ?? null,
      );
      refuseAssignmentWhilePending(ctx, `a ${request.numberType} number`, request);
      checkClaimAllowed(ctx);
      const { phoneNumber, areaCode } = chooseNumber(ctx, request);
      const draft = draftNumber(ctx, request, phoneNumber, areaCode);
      const claimed = ctx.claimFailure ? failClaim(ctx, draft) : startProvisioning(ctx, draft);
      insertNumberRow(ctx.db, rowFromNumber(claimed, ctx.account.account_id));
      const made = loadNumber(ctx, claimed.phoneNumberId);
      return { id: made.phoneNumberId, value: made };
    },
    (id) => {
      const row = findNumberRow(ctx.db, ctx.account.account_id, id);
      return row ? numberFromRow(row, ctx.account.account_id) : undefined;
    },
  );
}

export function describePhoneNumber(ctx: OperationContext, id: string): PhoneNumber {
  return loadNumber(ctx, id);
}

/**
 * A page of the account's numbers that pass every filter given (values of one filter are
 * alternatives; different filters must all hold). Filters apply in the query, before the
 * page's limit, so every page but the last is full.
 */
export function listPhoneNumbers(
  ctx: OperationContext,
  filters: unknown,
  page: unknown,
): Page<PhoneNumber> {
  const parsedFilters = parseRequest(phoneNumberFilters, filters ?? {}, 'filters');
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListPhoneNumbers', accountId, filters: parsedFilters, key: ['number', 'string'] },
    (window) => pageOfNumberRows(ctx.db, accountId, parsedFilters, window),
    numberKey,
    (row) => numberFromRow(row, accountId),
  );
}

function requireUsable(number: PhoneNumber, action: string): void {
  if (number.status === 'DELETION_QUEUED') {
    throw conflict(
      `phone number ${number.phoneNumber} is in the deletion queue; restore it before you ${action}`,
    );
  }
  if (number.status === 'FAILED') {
    throw conflict(
      `the claim of phone number ${number.phoneNumber} failed; retry the claim before you ${action}`,
    );
  }
}

export function updatePhoneNumber(ctx: OperationContext, id: string, body: unknown): PhoneNumber {
  const request = withListName(
    ctx,
    parseRequest(updatePhoneNumberRequest, body, 'UpdatePhoneNumber request'),
  );
  const current = loadNumber(ctx, id);
  requireUsable(current, 'update it');
  const pick = <K extends keyof typeof request>(
    key: K,
    fallback: PhoneNumber[K & keyof PhoneNumber],
  ) => (request[key] === undefined ? fallback : request[key]) as PhoneNumber[K & keyof PhoneNumber];
  let voiceConnectorId = pick('voiceConnectorId', current.voiceConnectorId);
  let voiceConnectorGroupId = pick('voiceConnectorGroupId', current.voiceConnectorGroupId);
  // Assigning to one target moves the number off the other (Chime's "Reassign").
  if (request.voiceConnectorId && request.voiceConnectorGroupId === undefined)
    voiceConnectorGroupId = null;
  if (request.voiceConnectorGroupId && request.voiceConnectorId === undefined)
    voiceConnectorId = null;
  const next: PhoneNumber = {
    ...current,
    deletionProtectionEnabled: pick('deletionProtectionEnabled', current.deletionProtectionEnabled),
    optOutListName: pick('optOutListName', current.optOutListName),
    selfManagedOptOutsEnabled: pick('selfManagedOptOutsEnabled', current.selfManagedOptOutsEnabled),
    twoWayEnabled: pick('twoWayEnabled', current.twoWayEnabled),
    twoWayChannelArn: pick('twoWayChannelArn', current.twoWayChannelArn),
    registrationId: pick('registrationId', current.registrationId),
    messageType: pick('messageType', current.messageType) ?? DEFAULTS.messageType,
    productType: pick('productType', current.productType),
    voiceConnectorId,
    voiceConnectorGroupId,
    targetArn: pick('targetArn', current.targetArn),
    tags: request.tags ?? current.tags,
  };
  if (next.productType !== current.productType && isAssigned(current) && isAssigned(next)) {
    // Chime: only unassigned numbers switch type. A request that unassigns (then switches)
    // or assigns (switches, then assigns) has the number unassigned when it switches.
    checkProductTypeChange(current, next.productType);
  }
  const assigns =
    (next.voiceConnectorId !== null && next.voiceConnectorId !== current.voiceConnectorId) ||
    (next.voiceConnectorGroupId !== null &&
      next.voiceConnectorGroupId !== current.voiceConnectorGroupId);
  if (assigns && current.status === 'PENDING') {
    throwFirst([
      notActiveProblem(`phone number ${current.phoneNumber}`, current.activeAt, 'assigned'),
    ]);
  }
  checkNumberSettings(next);
  if (next.optOutListName !== current.optOutListName) requireOptOutList(ctx, next.optOutListName);
  requireAssignmentTarget(
    ctx,
    next.voiceConnectorId !== current.voiceConnectorId ? next.voiceConnectorId : null,
    next.voiceConnectorGroupId !== current.voiceConnectorGroupId
      ? next.voiceConnectorGroupId
      : null,
  );
  return save(ctx, next);
}

/**
 * Releases as each service defines them. A Chime number (one with a productType) goes to
 * the deletion queue: restorable for 7 days, then released (000 L150, L154). A number
 * without one is Pinpoint's kind: released at once and for good, "it isn't possible to get
 * the same phone number back" (001 L277-280); it answers with Pinpoint's status DELETED.
 * Connect counts either from the release call: it enters the 180-day churn window now, and
 * the cool-down ends 180 days after this call. Past the churn cap releases are blocked too.
 */
export function releasePhoneNumber(ctx: OperationContext, id: string): PhoneNumber {
  const current = loadNumber(ctx, id);
  throwFirst([releaseProblem(current)]);
  if (current.status === 'FAILED') {
    // A failed claim never held the number: giving it up returns the number to the pool at
    // once, with no deletion queue to restore it from, no cool-down and no churn.
    cancelEvents(ctx.db, id);
    deleteNumberRow(ctx.db, id);
    return { ...current, releaseAt: new Date(ctx.now).toISOString() };
  }
  checkChurn(ctx, 'releasing');
  cancelEvents(ctx.db, id);
  if (current.productType === null) {
    deleteNumberRow(ctx.db, id);
    recordRelease(ctx.db, current.phoneNumber, ctx.account.account_id, ctx.now, COOL_DOWN_MS);
    recordChurn(ctx.db, ctx.account.account_id, 'release', ctx.now);
    return { ...current, status: 'DELETED', releaseAt: new Date(ctx.now).toISOString() };
  }
  const releaseAt = ctx.now + DELETION_QUEUE_MS;
  scheduleEvent(ctx.db, releaseAt, 'purge-deletion-queue', id);
  recordChurn(ctx.db, ctx.account.account_id, 'release', ctx.now);
  return save(ctx, {
    ...current,
    status: 'DELETION_QUEUED',
    releaseAt: new Date(releaseAt).toISOString(),
  });
}

export function restorePhoneNumber(ctx: OperationContext, id: string): PhoneNumber {
  const current = loadNumber(ctx, id);
  if (current.status !== 'DELETION_QUEUED') {
    throw conflict(
      `phone number ${current.phoneNumber} is ${current.status}, not in the deletion queue; only queued numbers can be restored`,
    );
  }
  // Restoring moves the number back into the Inventory, so it needs a place under the quota.
  const held = inventoryCount(ctx.db, ctx.account.account_id);
  throwFirst([numberQuotaProblem(held + 1, ctx.account.number_quota)]);
  cancelEvents(ctx.db, id);
  // The release is undone: it leaves the churn window it entered at the release call.
  if (current.releaseAt) {
    const releasedAt = Date.parse(current.releaseAt) - DELETION_QUEUE_MS;
    forgetChurn(ctx.db, ctx.account.account_id, 'release', releasedAt);
  }
  const activeAt = current.activeAt ? Date.parse(current.activeAt) : ctx.now;
  const stillPending = activeAt > ctx.now;
  if (stillPending) scheduleEvent(ctx.db, activeAt, 'activate-number', id);
  return save(ctx, {
    ...current,
    status: stillPending ? 'PENDING' : 'ACTIVE',
    claimStatus: stillPending ? 'IN_PROGRESS' : 'CLAIMED',
    releaseAt: null,
  });
}

/** Connect: a FAILED claim may be retried while its one-day hold lasts. */
export function retryClaim(ctx: OperationContext, id: string): PhoneNumber {
  const current = loadNumber(ctx, id);
  if (current.status !== 'FAILED') {
    throw conflict(
      `the claim of phone number ${current.phoneNumber} is ${current.claimStatus}; only FAILED claims can be retried`,
    );
  }
  cancelEvents(ctx.db, id);
  if (ctx.claimFailure) {
    const holdUntil = current.releaseAt ? Date.parse(current.releaseAt) : undefined;
    return save(ctx, failClaim(ctx, current, holdUntil));
  }
  refuseAssignmentWhilePending(ctx, `phone number ${current.phoneNumber}`, current);
  checkClaimAllowed(ctx);
  return save(ctx, startProvisioning(ctx, current));
}

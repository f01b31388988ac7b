import { idOfIdentifier } from '../../model/arns';
import type { Hooks } from './hooks';
import { z } from 'zod';
import { phoneNumberInputs } from '../input-schemas';
import type { PhoneNumber } from '../../simulator/domain/types';
import { SimulatorError } from '../../simulator/domain/errors';
import {
  type ReadResult,
  call,
  carried,
  clientToken,
  holdFor,
  isNotFound,
  readOrGone,
  tagsOrNone,
  withKeptKey,
} from './backend-call';
import { DEFAULTS } from '../../model/limits';
import { numberProblems, releaseProblem } from '../../model/number-rules';
import { checkProperties, failuresOf, type CheckFailure } from './check-inputs';
import { DEFAULT_RETRY, retryDelay } from './retry';
import { runCancelled } from './run-cancellation';
import { connectionSettings, DEFAULT_ENDPOINT } from './connection';
import {
  adoptionProblem,
  compact,
  diffProperties,
  type PropertyDiff,
  type PropertySpec,
  type Props,
} from './property-diff';
import { containsUnknown } from './unknowns';

const FIELDS: Record<string, z.ZodType> = {
  ...phoneNumberInputs.shape,
  resourceKey: z.string().optional(),
};

/** Country, type, capabilities and area code pick the number: changing them replaces it. */
const SPECS: PropertySpec[] = [
  { name: 'isoCountryCode', replaces: true },
  { name: 'numberType', replaces: true },
  { name: 'numberCapabilities', replaces: true, unordered: true },
  { name: 'areaCode', replaces: true, computedWhenAbsent: true },
  { name: 'messageType' },
  { name: 'productType' },
  { name: 'deletionProtectionEnabled' },
  // Named by ARN or by name: the same list either way.
  {
    name: 'optOutListName',
    canonical: (value) =>
      typeof value === 'string' ? idOfIdentifier('opt-out-list', value) : value,
  },
  { name: 'selfManagedOptOutsEnabled' },
  { name: 'twoWayEnabled' },
  { name: 'twoWayChannelArn' },
  { name: 'registrationId' },
  { name: 'voiceConnectorId' },
  { name: 'voiceConnectorGroupId' },
  { name: 'tags' },
];

export async function check(
  olds: Props,
  declared: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const news = withKeptKey(olds, declared);
  const capabilities = news.numberCapabilities;
  const inputs: Props = {
    ...news,
    numberCapabilities:
      Array.isArray(capabilities) &&
      !containsUnknown(capabilities) &&
      capabilities.every((capability) => typeof capability === 'string')
        ? [...capabilities].sort()
        : capabilities,
    deletionProtectionEnabled: news.deletionProtectionEnabled ?? DEFAULTS.deletionProtectionEnabled,
    optOutListName: news.optOutListName ?? DEFAULTS.optOutListName,
    selfManagedOptOutsEnabled: news.selfManagedOptOutsEnabled ?? DEFAULTS.selfManagedOptOutsEnabled,
    twoWayEnabled: news.twoWayEnabled ?? DEFAULTS.twoWayEnabled,
    waitForActive: news.waitForActive ?? true,
  };
  return {
    inputs,
    failures: [
      // As declared: sorted, a bad capability's index would not be the one the program wrote.
      ...checkProperties({ ...inputs, numberCapabilities: capabilities }, FIELDS, 'PhoneNumber'),
      // The rule book's rules across properties; the backend checks them again.
      ...failuresOf(numberProblems(inputs, { isUnknown: containsUnknown })),
    ],
  };
}

export async function diff(_id: string, olds: Props, news: Props): Promise<PropertyDiff> {
  // Delete first: a protected number then blocks its own replacement, and a replacement
  // with the same inputs gets the same number back from the deletion queue.
  return diffProperties(olds, news, SPECS, { deleteBeforeReplace: true });
}

/**
 * Every input as the backend now holds it, plus what only the backend knows. `inputs` are
 * the program's inputs, or (from read) the previous outputs.
 */
function outputs(number: PhoneNumber, inputs: Props, fromState = false): Props {
  return compact({
    waitForActive: inputs.waitForActive,
    adoptExistingId: inputs.adoptExistingId,
    resourceKey: inputs.resourceKey,
    // Whether the program asked for an area code: if not, the backend's choice is no drift.
    requestedAreaCode: fromState ? inputs.requestedAreaCode : inputs.areaCode,
    isoCountryCode: number.isoCountryCode,
    numberType: number.numberType,
    numberCapabilities: [...number.numberCapabilities].sort(),
    messageType: number.messageType,
    productType: number.productType,
    areaCode: number.areaCode,
    deletionProtectionEnabled: number.deletionProtectionEnabled,
    optOutListName: number.optOutListName,
    selfManagedOptOutsEnabled: number.selfManagedOptOutsEnabled,
    twoWayEnabled: number.twoWayEnabled,
    twoWayChannelArn: number.twoWayChannelArn,
    registrationId: number.registrationId,
    voiceConnectorId: number.voiceConnectorId,
    voiceConnectorGroupId: number.voiceConnectorGroupId,
    tags: tagsOrNone(number.tags),
    phoneNumberId: number.phoneNumberId,
    phoneNumber: number.phoneNumber,
    arn: number.arn,
    status: number.status,
    monthlyLeasingPrice: number.monthlyLeasingPrice,
    createdTimestamp: number.createdTimestamp,
  });
}

/** The settings an update (or an adoption) makes the backend hold: absolute, so retries are safe. */
function settings(inputs: Props): Record<string, unknown> {
  return {
    deletionProtectionEnabled: inputs.deletionProtectionEnabled === true,
    optOutListName: inputs.optOutListName ?? DEFAULTS.optOutListName,
    selfManagedOptOutsEnabled: inputs.selfManagedOptOutsEnabled === true,
    twoWayEnabled: inputs.twoWayEnabled === true,
    twoWayChannelArn: inputs.twoWayChannelArn ?? null,
    registrationId: inputs.registrationId ?? null,
    messageType: inputs.messageType ?? null,
    productType: inputs.productType ?? null,
    voiceConnectorId: inputs.voiceConnectorId ?? null,
    voiceConnectorGroupId: inputs.voiceConnectorGroupId ?? null,
    tags: inputs.tags ?? {},
  };
}

/**
 * What picks the number, and all its create's token is derived from: the properties that
 * replace it (and a TEN_DLC number's registration, which the backend needs to claim one).
 * Settings that change in place go in an update after the claim, so a resource whose
 * number was released behind its back gets the same number back from the deletion queue
 * however often it was updated since its first create.
 */
function claimRequest(inputs: Props): Record<string, unknown> {
  return compact({
    isoCountryCode: inputs.isoCountryCode,
    numberType: inputs.numberType,
    numberCapabilities: inputs.numberCapabilities,
    areaCode: inputs.areaCode,
    registrationId: inputs.numberType === 'TEN_DLC' ? inputs.registrationId : undefined,
  });
}

/** Whether the number holds every setting as `wanted` has it. */
function holds(number: PhoneNumber, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([key, value]) =>
    key === 'tags'
      ? sameTags(number.tags, value as Record<string, string>)
      : ((number as unknown as Record<string, unknown>)[key] ?? null) === value,
  );
}

function sameTags(held: Record<string, string>, wanted: Record<string, string>): boolean {
  const keys = Object.keys(wanted);
  return Object.keys(held).length === keys.length && keys.every((key) => held[key] === wanted[key]);
}

/** An error that keeps a half-made number in the stack's state instead of losing it. */
function keepInState(message: string, number: PhoneNumber, inputs: Props): Error {
  return Object.assign(new Error(message), {
    id: number.phoneNumberId,
    properties: outputs(number, inputs),
    reasons: [message],
  });
}

const { sleep } = DEFAULT_RETRY;

/** How long create waits for ACTIVE: `NUMBERPLANE_ACTIVE_TIMEOUT` seconds, 10 minutes by default. */
function activeTimeoutMs(): number {
  const seconds = Number(process.env.NUMBERPLANE_ACTIVE_TIMEOUT ?? 600);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 600_000;
}

/** A clock advance that covers `ms`, rounded up, in the largest unit that fits twice: `3d`, `36h`. */
function advanceHint(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ];
  for (const [unit, size] of units) if (ms >= 2 * size) return `${Math.ceil(ms / size)}${unit}`;
  return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}

/**
 * Polls the backend's own status until ACTIVE. The backend says when (`activeAt`, virtual
 * time) and how its clock runs, so a number not due within the wait fails at once, and the
 * wait never sleeps past the expected time.
 */
async function waitUntilActive(number: PhoneNumber, inputs: Props): Promise<PhoneNumber> {
  const timeoutMs = activeTimeoutMs();
  const deadline = Date.now() + timeoutMs;
  let current = number;
  let interval = DEFAULT_RETRY.baseDelayMs;
  // Said at once when the backend expects a long wait, else once the wait has been long.
  let nextNotice = Date.now() + NOTICE_AFTER_MS;
  let noticed = false;
  while (current.status === 'PENDING') {
    const clock = await call('DescribeClock');
    const now = Date.parse(clock.now);
    const remaining = Math.max(0, Date.parse(current.activeAt ?? clock.now) - now);
    const neededMs =
      remaining === 0 ? 0 : clock.mode === 'frozen' ? Infinity : remaining / clock.scale;
    if (Date.now() + neededMs > deadline) {
      const hint = advanceHint(remaining);
      // The CLI opens the project's default store on its own; any other backend it is told.
      const { endpoint } = connectionSettings();
      const where = endpoint === DEFAULT_ENDPOINT ? '' : ` --endpoint ${endpoint}`;
      // A server's clock is admin surface: the CLI sends the local default key unless told.
      const adminKey = /^https?:/.test(endpoint)
        ? " (with the server's admin key: --admin-key KEY or NUMBERPLANE_ADMIN_KEY, unless it keeps the local default)"
        : '';
      const pace = clock.mode === 'frozen' ? 'is frozen' : `runs at ${clock.scale}x real time`;
      throw keepInState(
        `phone number ${current.phoneNumber} (${current.phoneNumberId}) is PENDING and will not be ACTIVE within the wait of ${Math.round(timeoutMs / 1000)}s (NUMBERPLANE_ACTIVE_TIMEOUT): the backend expects it ACTIVE at ${current.activeAt}, ${hint} from now on the simulator's clock, which ${pace}. It is kept in the stack: move the clock with \`npx numberplane clock advance ${hint}${where}\`${adminKey} and run pulumi up again, or run pulumi up again later, or set waitForActive: false for numbers whose registration takes days`,
        current,
        inputs,
      );
    }
    if (Date.now() >= nextNotice || (!noticed && neededMs >= NOTICE_AFTER_MS)) {
      noticed = true;
      nextNotice = Date.now() + NOTICE_EVERY_MS;
      notice(current, neededMs, timeoutMs, clock.mode === 'frozen' ? 0 : clock.scale);
    }
    // Due (or overdue): poll with backoff. Not yet due: sleep until it is, at most the backoff.
    await sleepUnlessCancelled(neededMs === 0 ? interval : Math.min(interval, Math.ceil(neededMs)));
    if (runCancelled()) {
      throw keepInState(
        `the wait for phone number ${current.phoneNumber} (${current.phoneNumberId}) to become ACTIVE was cancelled with the run. It is kept in the stack, PENDING (expected ACTIVE at ${current.activeAt}): run the command again`,
        current,
        inputs,
      );
    }
    interval = Math.min(interval * 2, DEFAULT_RETRY.maxDelayMs);
    current = await call('DescribePhoneNumber', { id: current.phoneNumberId });
  }
  return current;
}

/** A wait longer than this says what it waits for, and again each minute. */
const NOTICE_AFTER_MS = 3_000;
const NOTICE_EVERY_MS = 60_000;

/**
 * One line on the provider's stderr, which the engine shows among the run's diagnostics
 * (and the CI commands print): what the run waits for and until when.
 */
function notice(number: PhoneNumber, neededMs: number, timeoutMs: number, scale: number): void {
  const pace = scale === 1 ? 'real time' : `the simulator's clock at ${scale}x real time`;
  process.stderr.write(
    `numberplane: waiting for phone number ${number.phoneNumber} (${number.phoneNumberId}) to become ACTIVE, expected at ${number.activeAt} (about ${Math.ceil(neededMs / 1000)}s from now at ${pace}; the wait ends after ${Math.round(timeoutMs / 1000)}s, NUMBERPLANE_ACTIVE_TIMEOUT)\n`,
  );
}

/** Sleeps `ms` in slices of at most a second, waking early when the run is cancelled. */
async function sleepUnlessCancelled(ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0 && !runCancelled(); left = until - Date.now()) {
    await sleep(Math.min(left, 1_000));
  }
}

/**
 * A state change the backend refuses (ConflictException) once it is made: a repeat, after
 * the connection dropped and lost the first answer, is refused. Then the number as it
 * now stands is the answer, if it no longer is as `stillTo` says it was.
 */
async function once(
  operation: 'RetryClaimPhoneNumber' | 'RestorePhoneNumber',
  id: string,
  stillTo: (number: PhoneNumber) => boolean,
): Promise<PhoneNumber> {
  try {
    return await call(operation, { id });
  } catch (error) {
    if (!SimulatorError.isInstance(error) || error.code !== 'ConflictException') throw error;
    const now = await call('DescribePhoneNumber', { id });
    if (stillTo(now)) throw error;
    return now;
  }
}

const retryClaim = (id: string): Promise<PhoneNumber> =>
  once('RetryClaimPhoneNumber', id, (n) => n.claimStatus === 'FAILED');
const restore = (id: string): Promise<PhoneNumber> =>
  once('RestorePhoneNumber', id, (n) => n.status === 'DELETION_QUEUED');

/** A FAILED claim is retried a few times; still failing, the held number stays in state. */
async function settleClaim(number: PhoneNumber, inputs: Props): Promise<PhoneNumber> {
  let current = number;
  for (let attempt = 0; current.claimStatus === 'FAILED' && attempt < 3; attempt++) {
    await sleep(retryDelay(attempt + 1, undefined, DEFAULT_RETRY));
    current = await retryClaim(current.phoneNumberId);
  }
  if (current.claimStatus === 'FAILED') {
    throw keepInState(
      `the claim of phone number ${current.phoneNumber} (${current.phoneNumberId}) failed: ${current.failureReason ?? 'no reason given'}. The number is held for one day; run pulumi up to retry`,
      current,
      inputs,
    );
  }
  return current;
}

async function adopt(id: string, inputs: Props): Promise<PhoneNumber> {
  const existing = await call('DescribePhoneNumber', { id });
  const refused = adoptionProblem(
    `phone number ${existing.phoneNumber} (${id})`,
    outputs(existing, inputs),
    inputs,
    SPECS,
  );
  if (refused) throw refused;
  await holdFor('PhoneNumber', existing.phoneNumberId, inputs.resourceKey);
  const restored =
    existing.status === 'DELETION_QUEUED' ? await restore(existing.phoneNumberId) : existing;
  return call('UpdatePhoneNumber', { id: restored.phoneNumberId, body: settings(inputs) });
}

/**
 * The claimed number takes the declared settings. Refused (an assignment the backend will
 * not make), the number is kept in the stack, so it is never held outside it.
 */
async function applySettings(
  number: PhoneNumber,
  wanted: Record<string, unknown>,
  inputs: Props,
): Promise<PhoneNumber> {
  try {
    return await call('UpdatePhoneNumber', { id: number.phoneNumberId, body: wanted });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keepInState(
      `phone number ${number.phoneNumber} (${number.phoneNumberId}) was claimed but did not take its settings: ${reason}. It is kept in the stack; fix the declaration and run pulumi up again`,
      number,
      inputs,
    );
  }
}

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  let number: PhoneNumber;
  if (typeof inputs.adoptExistingId === 'string') {
    number = await adopt(inputs.adoptExistingId, inputs);
  } else {
    const request = claimRequest(inputs);
    number = await call('CreatePhoneNumber', {
      body: { ...request, clientToken: clientToken(inputs.resourceKey, 'PhoneNumber', request) },
    });
    await holdFor('PhoneNumber', number.phoneNumberId, inputs.resourceKey);
    // The same resource asked for this number before and released it: take it back
    // (release let go of its assignment and opt-out list).
    if (number.status === 'DELETION_QUEUED') number = await restore(number.phoneNumberId);
    // A number whose claim failed takes no settings: the claim is settled first.
    number = await settleClaim(number, inputs);
    const wanted = settings(inputs);
    if (!holds(number, wanted)) number = await applySettings(number, wanted, inputs);
  }
  if (inputs.waitForActive !== false) number = await waitUntilActive(number, inputs);
  return { id: number.phoneNumberId, outs: outputs(number, inputs) };
}

/** A released number (in the deletion queue) reads as gone: it is no longer the user's. */
export async function read(id: string, props: Props): Promise<ReadResult> {
  const number = await readOrGone(() => call('DescribePhoneNumber', { id }));
  if (!number || number.status === 'DELETION_QUEUED') return {};
  const outs = outputs(number, props, true);
  const inputs: Props = {};
  for (const spec of SPECS) {
    // An area code the backend chose is not drift from a declaration that left it open.
    if (spec.computedWhenAbsent && props.requestedAreaCode === undefined) continue;
    inputs[spec.name] = outs[spec.name];
  }
  return {
    id,
    props: outs,
    inputs: compact({ ...inputs, waitForActive: props.waitForActive, ...carried(props) }),
  };
}

export async function update(id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  let number = await call('UpdatePhoneNumber', { id, body: settings(news) });
  if (news.waitForActive !== false) number = await waitUntilActive(number, news);
  return { outs: outputs(number, news) };
}

/**
 * Releases the number. A protected number is never released: the error names it and says
 * how to lift the protection. An assigned number is unassigned first; a gone one is fine.
 */
export async function remove(id: string): Promise<void> {
  const number = await readOrGone(() => call('DescribePhoneNumber', { id }));
  if (!number || number.status === 'DELETION_QUEUED') return;
  const blocker = releaseProblem(number);
  if (blocker?.code === 'deletion-protected') {
    throw new Error(
      `${blocker.message} and was not released. To release it, set deletionProtectionEnabled: false on this resource and apply that alone with pulumi up --target URN (pulumi stack --show-urns lists them; a plain pulumi up would re-create what this destroy already released), then destroy again. To have destroy refuse before it releases anything, give the resource protect: true too`,
    );
  }
  // Let go of what the number holds: its assignment (the backend refuses to release an
  // assigned number) and its opt-out list (a list used by a queued number cannot be deleted).
  if (
    number.voiceConnectorId ||
    number.voiceConnectorGroupId ||
    number.optOutListName !== DEFAULTS.optOutListName
  ) {
    await call('UpdatePhoneNumber', {
      id,
      body: {
        voiceConnectorId: null,
        voiceConnectorGroupId: null,
        optOutListName: DEFAULTS.optOutListName,
      },
    });
  }
  try {
    await call('ReleasePhoneNumber', { id });
  } catch (error) {
    if (isNotFound(error)) return;
    // A retried release after a dropped connection finds the number already queued.
    if (SimulatorError.isInstance(error) && error.reason === 'already-in-deletion-queue') return;
    throw error;
  }
}

// The engine calls these through lazy-provider.ts; the compiler checks they fit.
void ({ check, diff, create, read, update, remove } satisfies Hooks);

import { idOfIdentifier } from '../../model/arns';
import type { Hooks } from './hooks';
import { z } from 'zod';
import { phoneNumberInputs } from '../input-schemas';
import type { PhoneNumber } from '../../api/objects';
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
import {
  adoptionProblem,
  compact,
  diffProperties,
  type PropertyDiff,
  type PropertySpec,
  type Props,
} from './property-diff';
import { containsUnknown } from './unknowns';
import { restore, settleClaim, waitUntilActive, type KeepInState } from './claim-waits';
import { SimulatorError } from '../../api/errors';

const FIELDS: Record<string, z.ZodType> = {
  ...phoneNumberInputs.shape,
  resourceKey: z.string().optional(),
};

/** Country, type, capabilities and area code pick the number: changing them replaces it. */
export const SPECS: PropertySpec[] = [
  { name: 'isoCountryCode', replaces: true },
  { name: 'numberType', replaces: true },
  { name: 'numberCapabilities', replaces: true, unordered: true },
  { name: 'areaCode', replaces: true, computedWhenAbsent: true },
  // Omitted, the backend holds TRANSACTIONAL (Pinpoint 001 L69): no change either way.
  { name: 'messageType', absentMeans: DEFAULTS.messageType },
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
    messageType: news.messageType ?? DEFAULTS.messageType,
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
  const result = diffProperties(olds, news, SPECS, { deleteBeforeReplace: true });
  if (result.replaces.length > 0 && !olds.productType && typeof olds.phoneNumber === 'string') {
    // Said at preview: a number without a productType is Pinpoint's kind, and its release
    // cannot be undone (001 L280), so no replacement can have it back.
    process.stderr.write(
      `numberplane: replacing phone number ${olds.phoneNumber} (${String(olds.phoneNumberId)}) releases it for good: a number without a productType cannot be restored, so its replacement is a new number. Give it productType VoiceConnector to keep numbers restorable from the deletion queue\n`,
    );
  }
  return result;
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

/**
 * The settings an update (or an adoption) makes the backend hold: absolute, so retries are
 * safe. A PENDING number keeps its assignment as it is: Chime assigns only numbers in the
 * Inventory (000 L29), so the declared one is made once the number is ACTIVE.
 */
function settingsFor(number: PhoneNumber, inputs: Props): Record<string, unknown> {
  const wanted = settings(inputs);
  return number.status === 'PENDING'
    ? {
        ...wanted,
        voiceConnectorId: number.voiceConnectorId,
        voiceConnectorGroupId: number.voiceConnectorGroupId,
      }
    : wanted;
}

function settings(inputs: Props): Record<string, unknown> {
  return {
    deletionProtectionEnabled: inputs.deletionProtectionEnabled === true,
    optOutListName: inputs.optOutListName ?? DEFAULTS.optOutListName,
    selfManagedOptOutsEnabled: inputs.selfManagedOptOutsEnabled === true,
    twoWayEnabled: inputs.twoWayEnabled === true,
    twoWayChannelArn: inputs.twoWayChannelArn ?? null,
    registrationId: inputs.registrationId ?? null,
    messageType: inputs.messageType ?? DEFAULTS.messageType,
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

/** keepInState for `inputs`, as the waits take it. */
const keep =
  (inputs: Props): KeepInState =>
  (message, number) =>
    keepInState(message, number, inputs);

/**
 * An error that keeps a half-made number in the stack's state instead of losing it (the
 * engine reads `id` and `properties` of a failed create or update; a delete ignores them).
 */
function keepInState(message: string, number: PhoneNumber, inputs: Props): Error {
  return Object.assign(new Error(message), {
    id: number.phoneNumberId,
    properties: outputs(number, inputs),
    reasons: [message],
  });
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
  return call('UpdatePhoneNumber', {
    id: restored.phoneNumberId,
    body: settingsFor(restored, inputs),
  });
}

/**
 * The claimed number takes the declared settings it can hold now (a PENDING one no
 * assignment). Refused (an assignment the backend will not make), the number is kept in
 * the stack, so it is never held outside it.
 */
async function applySettings(number: PhoneNumber, inputs: Props): Promise<PhoneNumber> {
  const wanted = settingsFor(number, inputs);
  if (holds(number, wanted)) return number;
  try {
    return await call('UpdatePhoneNumber', { id: number.phoneNumberId, body: wanted });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keepInState(
      `phone number ${number.phoneNumber} (${number.phoneNumberId}) did not take its declared settings: ${reason}. It is kept in the stack; fix the declaration and run pulumi up again`,
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
    number = await settleClaim(number, keep(inputs));
    number = await applySettings(number, inputs);
  }
  number = await activate(number, inputs);
  return { id: number.phoneNumberId, outs: outputs(number, inputs) };
}

/**
 * With waitForActive, waits for ACTIVE and then makes the declared assignment, which a
 * PENDING number cannot take. Without, a PENDING number stays unassigned (the outputs say
 * so, and the next preview shows the assignment still to make) until an up after it is
 * ACTIVE: the backend assigns only numbers in the Inventory and never on its own.
 */
async function activate(number: PhoneNumber, inputs: Props): Promise<PhoneNumber> {
  if (inputs.waitForActive !== false) {
    return applySettings(await waitUntilActive(number, keep(inputs)), inputs);
  }
  if (number.status === 'PENDING' && (inputs.voiceConnectorId || inputs.voiceConnectorGroupId)) {
    process.stderr.write(
      `numberplane: phone number ${number.phoneNumber} (${number.phoneNumberId}) is PENDING until ${String(number.activeAt)} and is not assigned yet (only ACTIVE numbers are); the first pulumi up after that assigns it\n`,
    );
  }
  return number;
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
  const current = await call('DescribePhoneNumber', { id });
  const number = await activate(await applySettings(current, news), news);
  return { outs: outputs(number, news) };
}

/**
 * Releases the number. A protected number is never released: the error names it and says
 * how to lift the protection. An assigned number is unassigned first; a gone one is fine.
 */
export async function remove(id: string, props: Props = {}): Promise<void> {
  const found = await readOrGone(() => call('DescribePhoneNumber', { id }));
  if (!found || found.status === 'DELETION_QUEUED') return;
  // Only ACTIVE numbers are released (Chime deletes from the Inventory): a PENDING one is
  // waited for as create waits, or the destroy fails naming the clock advance that helps.
  const number =
    found.status === 'PENDING' && !found.deletionProtectionEnabled
      ? await waitUntilActive(found, keep(props), 'pulumi destroy')
      : found;
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

// The engine calls these through lazy-provider.ts (dynamic) and plugin/plugin-provider.ts
// (the plugin); the compiler checks they fit.
void ({ check, diff, create, read, update, remove } satisfies Hooks);

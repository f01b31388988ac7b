import type { NumberType } from './enums';
import { areaCode, isoCountryCode, numberType } from './fields';
import { planProblems } from './number-plan';
import type { Problem, ProblemCode } from './problem';

/** The settings of one number that its rules look at together, as declared. */
export interface NumberDeclaration {
  readonly isoCountryCode?: unknown;
  readonly numberType?: unknown;
  readonly numberCapabilities?: unknown;
  readonly productType?: unknown;
  readonly areaCode?: unknown;
  readonly twoWayEnabled?: unknown;
  readonly twoWayChannelArn?: unknown;
  readonly registrationId?: unknown;
  readonly voiceConnectorId?: unknown;
  readonly voiceConnectorGroupId?: unknown;
}

export interface RuleOptions {
  /** A value the engine does not know yet (a preview): rules that need it are skipped. */
  readonly isUnknown?: (value: unknown) => boolean;
  /** What the adapter calls a field: the inventory writes `voiceConnector`, not `voiceConnectorId`. */
  readonly fieldName?: (field: string) => string;
}

/**
 * The rules across a number's settings (Pinpoint v2 and Chime), in the order the
 * simulator checks them, then the number plan's. Returns every problem; the simulator
 * answers the first, `check` and the inventory report all.
 */
export function numberProblems(declared: NumberDeclaration, options: RuleOptions = {}): Problem[] {
  const unknown = options.isUnknown ?? (() => false);
  const n = options.fieldName ?? ((field: string) => field);
  const present = (value: unknown): boolean => value !== undefined && value !== null;
  const known = (value: unknown): boolean => present(value) && !unknown(value);
  const problems: Problem[] = [];
  const add = (
    code: ProblemCode,
    field: string,
    message: string,
    fix: string,
    cause?: string,
  ): void => {
    problems.push({
      code,
      path: [n(field)],
      message,
      fix,
      kind: 'validation',
      ...(cause ? { cause: n(cause) } : {}),
    });
  };
  const d = declared;
  const capabilities =
    Array.isArray(d.numberCapabilities) && known(d.numberCapabilities)
      ? (d.numberCapabilities as unknown[])
      : undefined;
  const assigned = present(d.voiceConnectorId) || present(d.voiceConnectorGroupId);

  if (d.twoWayEnabled === true && !present(d.twoWayChannelArn)) {
    add(
      'two-way-needs-channel',
      'twoWayChannelArn',
      `${n('twoWayChannelArn')} is required when ${n('twoWayEnabled')} is true`,
      `give the ARN of the Amazon SNS topic that receives replies, or set ${n('twoWayEnabled')} to false`,
      'twoWayEnabled',
    );
  }
  if (d.twoWayEnabled === true && capabilities && !capabilities.includes('SMS')) {
    add(
      'two-way-needs-sms',
      'numberCapabilities',
      `two-way messaging is SMS: a number with ${n('twoWayEnabled')} true needs the SMS capability`,
      `add SMS to numberCapabilities, or set ${n('twoWayEnabled')} to false`,
      'twoWayEnabled',
    );
  }
  if (d.numberType === 'TEN_DLC' && !present(d.registrationId)) {
    add(
      'ten-dlc-needs-registration',
      'registrationId',
      `${n('registrationId')} is required for TEN_DLC numbers`,
      `register the 10DLC campaign and pass its registration id as ${n('registrationId')}`,
      'numberType',
    );
  }
  if (d.numberType === 'TOLL_FREE' && d.productType === 'BusinessCalling') {
    add(
      'toll-free-not-business-calling',
      'productType',
      'productType BusinessCalling does not offer TOLL_FREE numbers',
      'use productType VoiceConnector or another numberType',
    );
  }
  if (d.numberType === 'SHORT_CODE' && capabilities?.includes('VOICE')) {
    add(
      'short-code-no-voice',
      'numberCapabilities',
      'SHORT_CODE numbers carry SMS and MMS only',
      'remove VOICE from numberCapabilities',
    );
  }
  if (present(d.voiceConnectorId) && present(d.voiceConnectorGroupId)) {
    add(
      'one-assignment',
      'voiceConnectorGroupId',
      'a number is assigned to at most one voice connector or voice connector group',
      `keep ${n('voiceConnectorId')} or ${n('voiceConnectorGroupId')}, not both`,
    );
  }
  if (assigned && !unknown(d.productType) && d.productType !== 'VoiceConnector') {
    add(
      'assignment-needs-voice-connector-product',
      'productType',
      `only VoiceConnector numbers can be assigned to a voice connector or group; productType is ${present(d.productType) ? String(d.productType) : 'unset'}`,
      'set productType to VoiceConnector',
      present(d.voiceConnectorId) ? 'voiceConnectorId' : 'voiceConnectorGroupId',
    );
  }
  if (assigned && capabilities && !capabilities.includes('VOICE')) {
    add(
      'assignment-needs-voice',
      'numberCapabilities',
      'a number assigned to a voice connector or group needs the VOICE capability',
      'add VOICE to numberCapabilities',
    );
  }
  // The plan's rules need well-formed fields; a malformed one is its own field's problem.
  if (
    isoCountryCode.safeParse(d.isoCountryCode).success &&
    numberType.safeParse(d.numberType).success &&
    (d.areaCode === undefined || areaCode.safeParse(d.areaCode).success)
  ) {
    const declaredArea = typeof d.areaCode === 'string' ? d.areaCode : undefined;
    const plan = planProblems(String(d.isoCountryCode), d.numberType as NumberType, declaredArea);
    for (const problem of plan) {
      problems.push({ ...problem, path: problem.path.map((field) => n(String(field))) });
    }
  }
  return problems;
}

/** What release looks at. */
export interface ReleasableNumber {
  readonly phoneNumber: string;
  readonly phoneNumberId: string;
  readonly status: string;
  readonly deletionProtectionEnabled: boolean;
  readonly voiceConnectorId: string | null;
  readonly voiceConnectorGroupId: string | null;
  readonly activeAt: string | null;
  readonly releaseAt: string | null;
}

/**
 * Chime 000 L29: ordered numbers sit in Orders and Pending, and "when provisioning is
 * complete … appear in your Inventory and can be assigned"; only Inventory numbers are
 * deleted (L136). A PENDING number is neither assigned nor released: `what` names it,
 * `activeAt` says when it will be ACTIVE, `action` what was refused.
 */
export function notActiveProblem(
  what: string,
  activeAt: string | null,
  action: 'assigned' | 'released',
): Problem {
  const when = activeAt ? ` until ${activeAt}` : '';
  return {
    code: 'not-active',
    path: [],
    message: `${what} is PENDING${when}: only ACTIVE numbers are ${action} (Chime assigns and deletes numbers once provisioning completes and they are in the Inventory)`,
    fix:
      action === 'assigned'
        ? `assign it once it is ACTIVE${activeAt ? ` (expected at ${activeAt})` : ''}, or advance the simulator's clock`
        : `release it once it is ACTIVE${activeAt ? ` (expected at ${activeAt})` : ''}, or advance the simulator's clock`,
    kind: 'conflict',
  };
}

/** Why a number cannot be released now (deletion protection, an assignment, the queue), if so. */
export function releaseProblem(number: ReleasableNumber): Problem | undefined {
  const which = `phone number ${number.phoneNumber} (${number.phoneNumberId})`;
  const conflict = (code: ProblemCode, message: string, fix: string): Problem => ({
    code,
    path: [],
    message,
    fix,
    kind: 'conflict',
  });
  if (number.deletionProtectionEnabled) {
    return conflict(
      'deletion-protected',
      `${which} has deletion protection enabled`,
      'set deletionProtectionEnabled to false first, then release it',
    );
  }
  if (number.status === 'PENDING') return notActiveProblem(which, number.activeAt, 'released');
  if (number.voiceConnectorId !== null || number.voiceConnectorGroupId !== null) {
    const target = number.voiceConnectorId
      ? `voice connector ${number.voiceConnectorId}`
      : `voice connector group ${String(number.voiceConnectorGroupId)}`;
    return conflict(
      'assigned',
      `${which} is assigned to ${target}`,
      'unassign it first, then release it',
    );
  }
  if (number.status === 'DELETION_QUEUED') {
    return conflict(
      'already-in-deletion-queue',
      `${which} is already in the deletion queue until ${String(number.releaseAt)}`,
      'restore it to keep it',
    );
  }
  return undefined;
}

import { conflict, validation } from './errors';
import type { NumberCapability, NumberType, PhoneNumber, ProductType } from './types';

/** The provisioning delay before a PENDING number becomes ACTIVE, per number type. */
export type ProvisioningDelays = Record<NumberType, number>;

/**
 * Realistic defaults: SIMULATOR numbers are active at once; long codes in a minute;
 * 10DLC campaigns and toll-free verification take days; short codes take weeks.
 */
export const DEFAULT_PROVISIONING_DELAYS: ProvisioningDelays = {
  SIMULATOR: 0,
  LONG_CODE: 60_000,
  TEN_DLC: 2 * 86_400_000,
  TOLL_FREE: 3 * 86_400_000,
  SHORT_CODE: 56 * 86_400_000,
};

export const DELETION_QUEUE_MS = 7 * 86_400_000;
export const COOL_DOWN_MS = 180 * 86_400_000;
export const CHURN_WINDOW_MS = 180 * 86_400_000;
export const FAILED_CLAIM_HOLD_MS = 86_400_000;

/** The settings of a number that its rules look at together. */
export interface NumberSettings {
  numberType: NumberType;
  numberCapabilities: readonly NumberCapability[];
  productType: ProductType | null;
  twoWayEnabled: boolean;
  twoWayChannelArn: string | null;
  registrationId: string | null;
  voiceConnectorId: string | null;
  voiceConnectorGroupId: string | null;
}

/** Rules across fields (Pinpoint v2 and Chime); throws the first one broken, with its fix. */
export function checkNumberSettings(settings: NumberSettings): void {
  if (settings.twoWayEnabled && !settings.twoWayChannelArn) {
    throw validation(
      'twoWayChannelArn is required when twoWayEnabled is true; give the ARN of the channel that receives replies (e.g. an SNS topic), or set twoWayEnabled to false',
    );
  }
  if (settings.numberType === 'TEN_DLC' && !settings.registrationId) {
    throw validation(
      'registrationId is required for TEN_DLC numbers; register the 10DLC campaign and pass its registration id',
    );
  }
  if (settings.numberType === 'TOLL_FREE' && settings.productType === 'BusinessCalling') {
    throw validation(
      'productType BusinessCalling does not offer TOLL_FREE numbers; use productType VoiceConnector or another numberType',
    );
  }
  if (settings.numberType === 'SHORT_CODE' && settings.numberCapabilities.includes('VOICE')) {
    throw validation(
      'SHORT_CODE numbers carry SMS and MMS only; remove VOICE from numberCapabilities',
    );
  }
  if (settings.voiceConnectorId && settings.voiceConnectorGroupId) {
    throw validation(
      `a number is assigned to at most one voice connector or voice connector group; got voiceConnectorId "${settings.voiceConnectorId}" and voiceConnectorGroupId "${settings.voiceConnectorGroupId}", keep one`,
    );
  }
  if (settings.voiceConnectorId || settings.voiceConnectorGroupId) {
    if (settings.productType !== 'VoiceConnector') {
      throw validation(
        `only VoiceConnector numbers can be assigned to a voice connector or group; productType is ${settings.productType ?? 'unset'}, set it to VoiceConnector`,
      );
    }
    if (!settings.numberCapabilities.includes('VOICE')) {
      throw validation(
        'a number assigned to a voice connector or group needs the VOICE capability; add VOICE to numberCapabilities',
      );
    }
  }
}

export function isAssigned(
  number: Pick<PhoneNumber, 'voiceConnectorId' | 'voiceConnectorGroupId'>,
): boolean {
  return number.voiceConnectorId !== null || number.voiceConnectorGroupId !== null;
}

/** Chime: only unassigned numbers switch product type. */
export function checkProductTypeChange(current: PhoneNumber, next: ProductType | null): void {
  if (next !== current.productType && isAssigned(current)) {
    throw conflict(
      `phone number ${current.phoneNumber} is assigned to ${current.voiceConnectorId ? `voice connector ${current.voiceConnectorId}` : `voice connector group ${current.voiceConnectorGroupId}`}; unassign it before changing productType from ${current.productType} to ${next}`,
    );
  }
}

/** Why a number cannot be released now, or null when it can. */
export function releaseBlocker(number: PhoneNumber): string | null {
  if (number.deletionProtectionEnabled) {
    return `phone number ${number.phoneNumber} (${number.phoneNumberId}) has deletion protection enabled; set deletionProtectionEnabled to false first, then release it`;
  }
  if (isAssigned(number)) {
    return `phone number ${number.phoneNumber} (${number.phoneNumberId}) is assigned to ${number.voiceConnectorId ? `voice connector ${number.voiceConnectorId}` : `voice connector group ${number.voiceConnectorGroupId}`}; unassign it first, then release it`;
  }
  if (number.status === 'DELETION_QUEUED') {
    return `phone number ${number.phoneNumber} (${number.phoneNumberId}) is already in the deletion queue until ${number.releaseAt}; restore it to keep it`;
  }
  return null;
}

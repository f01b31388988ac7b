import { numberProblems, type NumberDeclaration } from '../../model/number-rules';
import { conflict, throwFirst } from '../../api/errors';
import type { NumberType, PhoneNumber, ProductType } from '../../api/objects';

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

/** Rules across a number's settings and its number plan; throws the first one broken. */
export function checkNumberSettings(settings: NumberDeclaration): void {
  throwFirst(numberProblems(settings));
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

import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Pinpoint v2 style: `phone-` and 32 hex digits. */
export const newPhoneNumberId = (): string => `phone-${randomBytes(16).toString('hex')}`;

/** Chime style: 22 lowercase letters and digits. */
export function newVoiceConnectorId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(22);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

export const newVoiceConnectorGroupId = (): string => randomUUID();

/** A 12-digit AWS-style account number. */
export function newAccountId(): string {
  const digits = BigInt(`0x${randomBytes(8).toString('hex')}`) % 10n ** 12n;
  return digits.toString().padStart(12, '0');
}

export const newApiKey = (): string => `np_${randomBytes(24).toString('hex')}`;

/** A stable digest of a request, to tell a true retry from a reused idempotency key. */
export function requestDigest(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The ARNs of Pinpoint SMS and Voice v2 objects as the simulator issues them (Region
 * us-east-1, the account's 12-digit number), and reading them back: the Pinpoint document
 * lets a phone number be named by its PhoneNumberId or its ARN, an opt-out list by its
 * name or its ARN.
 */
export const SMS_VOICE_REGION = 'us-east-1';

export type SmsVoiceKind = 'phone-number' | 'opt-out-list';

export const smsVoiceArn = (kind: SmsVoiceKind, account: string, id: string): string =>
  `arn:aws:sms-voice:${SMS_VOICE_REGION}:${account}:${kind}/${id}`;

const ARN = /^arn:aws:sms-voice:([a-z0-9-]+):(\d{12}):(phone-number|opt-out-list)\/(.+)$/;

/** The parts of an SMS and Voice ARN of `kind`, or undefined when `text` is not one. */
export function parseSmsVoiceArn(
  kind: SmsVoiceKind,
  text: string,
): { region: string; account: string; id: string } | undefined {
  const match = ARN.exec(text);
  if (!match || match[3] !== kind) return undefined;
  return { region: match[1] ?? '', account: match[2] ?? '', id: match[4] ?? '' };
}

/** The id (or name) an identifier gives: the identifier itself, or the last part of its ARN. */
export function idOfIdentifier(kind: SmsVoiceKind, identifier: string): string {
  return parseSmsVoiceArn(kind, identifier)?.id ?? identifier;
}

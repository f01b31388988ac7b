import { parseSmsVoiceArn, SMS_VOICE_REGION, type SmsVoiceKind } from '../../model/arns';
import { notFound } from '../../api/errors';
import { findNumberRowByNumber } from '../store/phone-numbers';
import type { OperationContext } from './context';

const WHAT: Record<SmsVoiceKind, string> = {
  'phone-number': 'phone number',
  'opt-out-list': 'opt-out list',
};

/**
 * What an identifier names in this account: a phone number by PhoneNumberId or ARN, an
 * opt-out list by name or ARN (Pinpoint v2). An ARN of another account or Region, or of
 * another kind of object, names nothing here.
 */
function resolve(ctx: OperationContext, kind: SmsVoiceKind, identifier: string): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const arn = parseSmsVoiceArn(kind, identifier);
  if (!arn || arn.account !== ctx.account.account_id || arn.region !== SMS_VOICE_REGION) {
    throw notFound(
      `${WHAT[kind]} ${identifier} does not exist in this account; use the ARN the simulator returned for it`,
    );
  }
  return arn.id;
}

/**
 * A phone number by PhoneNumberId, ARN or its E.164 form (Chime SDK Voice names numbers so);
 * another account's number names nothing here.
 */
export function phoneNumberIdOf(ctx: OperationContext, identifier: string): string {
  if (!identifier.startsWith('+')) return resolve(ctx, 'phone-number', identifier);
  const row = findNumberRowByNumber(ctx.db, identifier);
  if (!row || row.account_id !== ctx.account.account_id) {
    throw notFound(
      `phone number ${identifier} is not in this account's inventory; list its numbers`,
    );
  }
  return row.phone_number_id;
}

export const optOutListNameOf = (ctx: OperationContext, identifier: string): string =>
  resolve(ctx, 'opt-out-list', identifier);

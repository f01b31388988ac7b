import { z } from 'zod';
import { notFound, validation, type ErrorCode } from '../../../api/errors';
import type { NumberType, PhoneNumber } from '../../../api/objects';
import { planOfNumber } from '../../domain/number-plan';
import {
  defined,
  type AwsDialect,
  type AwsErrorAnswer,
  type ErrorContext,
  type Invoke,
} from './aws-dialect';
import { restOperation, type RestOperation } from './rest-operation';

/**
 * Amazon Connect's phone numbers (API 2017-08-08) in restJson1: search, claim into a target
 * (an instance or traffic distribution group), describe, list, move to another target and
 * release into the 180-day cool-down. Connect sees the numbers claimed to a target.
 */

/** Connect's number types for the simulator's (SIMULATOR numbers read as DIDs). */
const TYPE_OF: Record<NumberType, string> = {
  LONG_CODE: 'DID',
  TEN_DLC: 'DID',
  SIMULATOR: 'DID',
  TOLL_FREE: 'TOLL_FREE',
  SHORT_CODE: 'SHORT_CODE',
};
const NUMBER_TYPE_OF: Record<string, NumberType> = {
  DID: 'LONG_CODE',
  TOLL_FREE: 'TOLL_FREE',
  SHORT_CODE: 'SHORT_CODE',
};

function numberTypeOf(connectType: string): NumberType {
  const type = NUMBER_TYPE_OF[connectType];
  if (!type) {
    throw validation(
      `PhoneNumberType ${connectType} is not one the simulator offers; use ${Object.keys(NUMBER_TYPE_OF).join(', ')}`,
    );
  }
  return type;
}

/** Connect names numbers by its own ARN: the account of the number's ARN, service connect. */
const connectArn = (number: PhoneNumber): string =>
  number.arn.replace(
    /^arn:aws:sms-voice:([^:]+):(\d{12}):phone-number\//,
    'arn:aws:connect:$1:$2:phone-number/',
  );

/** A number of Connect's: one claimed to a target; the others are not Connect's. */
async function connectNumber(invoke: Invoke, id: string): Promise<PhoneNumber> {
  const number = await invoke('DescribePhoneNumber', { id });
  if (number.targetArn === null) {
    throw notFound(
      `phone number ${id} is not claimed to an Amazon Connect instance or traffic distribution group; claim it with ClaimPhoneNumber`,
    );
  }
  return number;
}

const summary = (number: PhoneNumber): Record<string, unknown> =>
  defined({
    PhoneNumberId: number.phoneNumberId,
    PhoneNumberArn: connectArn(number),
    PhoneNumber: number.phoneNumber,
    PhoneNumberCountryCode: number.isoCountryCode,
    PhoneNumberType: TYPE_OF[number.numberType],
    TargetArn: number.targetArn,
  });

const claimed = (number: PhoneNumber) => ({
  PhoneNumberId: number.phoneNumberId,
  PhoneNumberArn: connectArn(number),
});

/** Connect takes a number by its id or its ARN (this dialect's). */
const idOf = (identifier: string): string =>
  identifier.replace(/^arn:aws:connect:[^:]+:\d{12}:phone-number\//, '');

/** `+1425…` as a search prefix: North American area codes go to the search, the rest filter. */
function prefixSearch(
  country: string,
  prefix: string | undefined,
): { areaCode?: string; starts: string } {
  const starts = prefix === undefined ? '' : prefix.startsWith('+') ? prefix : `+${prefix}`;
  const area = country === 'US' || country === 'CA' ? /^\+1(\d{3})/.exec(starts)?.[1] : undefined;
  return area === undefined ? { starts } : { areaCode: area, starts };
}

/** Every Amazon Connect phone-number operation the simulator serves. */
export const CONNECT_OPERATIONS: readonly RestOperation[] = [
  restOperation(
    {
      name: 'SearchAvailablePhoneNumbers',
      method: 'POST',
      path: '/phone-number/search-available',
      status: 200,
    },
    z.strictObject({
      TargetArn: z.string().optional(),
      PhoneNumberCountryCode: z.string(),
      PhoneNumberType: z.string(),
      PhoneNumberPrefix: z.string().optional(),
      MaxResults: z.number().optional(),
      NextToken: z.string().optional(),
    }),
    async (invoke, request) => {
      const prefix = prefixSearch(request.PhoneNumberCountryCode, request.PhoneNumberPrefix);
      const found = await invoke('SearchAvailablePhoneNumbers', {
        body: defined({
          isoCountryCode: request.PhoneNumberCountryCode,
          numberType: numberTypeOf(request.PhoneNumberType),
          areaCode: prefix.areaCode,
          maxResults: request.MaxResults ?? 10,
        }),
      });
      return {
        AvailableNumbersList: found.phoneNumbers
          .filter((n) => n.startsWith(prefix.starts))
          .map((n) => ({
            PhoneNumber: n,
            PhoneNumberCountryCode: request.PhoneNumberCountryCode,
            PhoneNumberType: request.PhoneNumberType,
          })),
      };
    },
  ),
  restOperation(
    { name: 'ClaimPhoneNumber', method: 'POST', path: '/phone-number/claim', status: 200 },
    z.strictObject({
      TargetArn: z.string({
        error:
          'TargetArn is required: the ARN of the instance or traffic distribution group (InstanceId alone is not modelled)',
      }),
      PhoneNumber: z.string(),
      Tags: z.record(z.string(), z.string()).optional(),
      ClientToken: z.string().optional(),
    }),
    async (invoke, request) => {
      const plan = planOfNumber(
        request.PhoneNumber,
        ['LONG_CODE', 'TOLL_FREE', 'SHORT_CODE'],
        'PhoneNumber',
      );
      const number = await invoke('CreatePhoneNumber', {
        body: defined({
          ...plan,
          numberCapabilities: ['VOICE'],
          phoneNumber: request.PhoneNumber,
          targetArn: request.TargetArn,
          tags: request.Tags,
          clientToken: request.ClientToken,
        }),
      });
      return claimed(number);
    },
  ),
  restOperation(
    { name: 'ListPhoneNumbersV2', method: 'POST', path: '/phone-number/list', status: 200 },
    z.strictObject({
      TargetArn: z.string().optional(),
      MaxResults: z.number().optional(),
      NextToken: z.string().optional(),
      PhoneNumberCountryCodes: z.array(z.string()).optional(),
      PhoneNumberTypes: z.array(z.string()).optional(),
      PhoneNumberPrefix: z.string().optional(),
    }),
    async (invoke, request) => {
      // A page of the account's numbers with Connect's filters applied to it: a page may come
      // back short (or empty) with a NextToken, as AWS pages may.
      const found = await invoke('ListPhoneNumbers', {
        page: defined({
          maxResults:
            request.MaxResults === undefined ? undefined : Math.min(request.MaxResults, 100),
          nextToken: request.NextToken,
        }),
      });
      const prefix = request.PhoneNumberPrefix?.replace(/^\+?/, '+') ?? '+';
      const wanted = found.items.filter(
        (n) =>
          n.targetArn !== null &&
          (request.TargetArn === undefined || n.targetArn === request.TargetArn) &&
          (request.PhoneNumberCountryCodes === undefined ||
            request.PhoneNumberCountryCodes.includes(n.isoCountryCode)) &&
          (request.PhoneNumberTypes === undefined ||
            request.PhoneNumberTypes.includes(TYPE_OF[n.numberType])) &&
          n.phoneNumber.startsWith(prefix),
      );
      return defined({
        ListPhoneNumbersSummaryList: wanted.map(summary),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'DescribePhoneNumber',
      method: 'GET',
      path: '/phone-number/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 200,
    },
    z.strictObject({ PhoneNumberId: z.string() }),
    async (invoke, request) => {
      const number = await connectNumber(invoke, idOf(request.PhoneNumberId));
      return {
        ClaimedPhoneNumberSummary: {
          ...summary(number),
          Tags: number.tags,
          PhoneNumberStatus: defined({
            Status: number.claimStatus,
            Message: number.failureReason,
          }),
        },
      };
    },
  ),
  restOperation(
    {
      name: 'UpdatePhoneNumber',
      method: 'PUT',
      path: '/phone-number/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 200,
    },
    z.strictObject({
      PhoneNumberId: z.string(),
      TargetArn: z.string(),
      ClientToken: z.string().optional(),
    }),
    async (invoke, request) => {
      const number = await connectNumber(invoke, idOf(request.PhoneNumberId));
      return claimed(
        await invoke('UpdatePhoneNumber', {
          id: number.phoneNumberId,
          body: { targetArn: request.TargetArn },
        }),
      );
    },
  ),
  restOperation(
    {
      name: 'ReleasePhoneNumber',
      method: 'DELETE',
      path: '/phone-number/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      query: { clientToken: { member: 'ClientToken', type: 'string' } },
      status: 200,
    },
    z.strictObject({ PhoneNumberId: z.string(), ClientToken: z.string().optional() }),
    async (invoke, request) => {
      const number = await connectNumber(invoke, idOf(request.PhoneNumberId));
      await invoke('ReleasePhoneNumber', { id: number.phoneNumberId });
      return {};
    },
  ),
];

/** Connect's error names and statuses for the simulator's codes. */
const ERRORS: Record<ErrorCode, { name: string; status: number }> = {
  ValidationException: { name: 'InvalidParameterException', status: 400 },
  PayloadTooLargeException: { name: 'InvalidParameterException', status: 400 },
  AccessDeniedException: { name: 'AccessDeniedException', status: 403 },
  ResourceNotFoundException: { name: 'ResourceNotFoundException', status: 404 },
  ConflictException: { name: 'ResourceInUseException', status: 409 },
  ServiceQuotaExceededException: { name: 'ServiceQuotaExceededException', status: 402 },
  ThrottlingException: { name: 'ThrottlingException', status: 429 },
  InternalServerException: { name: 'InternalServiceException', status: 500 },
  ServiceUnavailableException: { name: 'InternalServiceException', status: 503 },
};

/** A conflict over a reused ClientToken is Connect's IdempotencyException. */
function isTokenReuse(error: { message: string }, context: ErrorContext): boolean {
  const body = context.failed?.input.body as { clientToken?: unknown } | undefined;
  return typeof body?.clientToken === 'string' && error.message.startsWith('clientToken ');
}

export const CONNECT_DIALECT: AwsDialect = {
  name: 'connect',
  errorAnswer(error, context): AwsErrorAnswer {
    const shape =
      error.code === 'ConflictException' && isTokenReuse(error, context)
        ? { name: 'IdempotencyException', status: 409 }
        : ERRORS[error.code];
    const resource =
      shape.name === 'ResourceInUseException' && context.failed?.input.id !== undefined
        ? { ResourceType: 'PHONE_NUMBER', ResourceId: context.failed.input.id }
        : {};
    return {
      status: shape.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': shape.name },
      body: { Message: error.message, ...resource },
    };
  },
};

import { z } from 'zod';
import { SimulatorError, validation, type ErrorCode } from '../../../api/errors';
import type {
  NumberStatus,
  OptOutList,
  PhoneNumber,
  StoredNumberStatus,
} from '../../../api/objects';
import type { ProblemCode } from '../../../model/problem';
import {
  awsOperation,
  defined,
  epochSeconds,
  tagList,
  tagMap,
  type AwsDialect,
  type AwsErrorAnswer,
  type AwsOperation,
  type ErrorContext,
  type Invoke,
} from './aws-dialect';

/**
 * Pinpoint SMS and Voice v2 (AWS End User Messaging SMS, API 2022-03-31) in awsJson1_0: every
 * call is `POST /` with `X-Amz-Target: PinpointSMSVoiceV2.<Operation>`; timestamps are epoch
 * seconds; errors are `{ __type, Message, Reason?, ResourceType?, ResourceId? }`.
 */

export const PINPOINT_TARGET_PREFIX = 'PinpointSMSVoiceV2';
export const AWS_JSON_1_0 = 'application/x-amz-json-1.0';

/** The simulator's number statuses as Pinpoint says them (it has no deletion queue, no failed claim). */
const STATUS_OF: Record<NumberStatus, string> = {
  PENDING: 'PENDING',
  ACTIVE: 'ACTIVE',
  DELETION_QUEUED: 'DELETED',
  FAILED: 'DELETED',
  DELETED: 'DELETED',
};
/** Pinpoint's statuses as list filters over the simulator's (ASSOCIATING and DISASSOCIATING match none). */
const STORED_STATUSES_OF: Record<string, StoredNumberStatus[]> = {
  PENDING: ['PENDING'],
  ACTIVE: ['ACTIVE'],
  DELETED: ['DELETION_QUEUED', 'FAILED'],
  ASSOCIATING: [],
  DISASSOCIATING: [],
};

function phoneNumberInformation(number: PhoneNumber): Record<string, unknown> {
  return defined({
    PhoneNumberArn: number.arn,
    PhoneNumberId: number.phoneNumberId,
    PhoneNumber: number.phoneNumber,
    Status: STATUS_OF[number.status],
    IsoCountryCode: number.isoCountryCode,
    MessageType: number.messageType,
    NumberCapabilities: number.numberCapabilities,
    NumberType: number.numberType,
    MonthlyLeasingPrice: number.monthlyLeasingPrice,
    TwoWayEnabled: number.twoWayEnabled,
    TwoWayChannelArn: number.twoWayChannelArn,
    SelfManagedOptOutsEnabled: number.selfManagedOptOutsEnabled,
    OptOutListName: number.optOutListName,
    InternationalSendingEnabled: false,
    DeletionProtectionEnabled: number.deletionProtectionEnabled,
    RegistrationId: number.registrationId,
    CreatedTimestamp: epochSeconds(number.createdTimestamp),
  });
}

const optOutListInformation = (list: OptOutList): Record<string, unknown> => ({
  OptOutListArn: list.arn,
  OptOutListName: list.optOutListName,
  CreatedTimestamp: epochSeconds(list.createdTimestamp),
});

const tags = z.array(z.strictObject({ Key: z.string(), Value: z.string() }));
const paging = { NextToken: z.string().optional(), MaxResults: z.number().optional() };
/** Only the caller's own objects exist here (no sharing): SHARED lists nothing. */
const owner = z.enum(['SELF', 'SHARED']).optional();
const filters = z.array(z.strictObject({ Name: z.string(), Values: z.array(z.string()) }));

type Filters = z.infer<typeof filters>;
type SimulatorFilters = Record<string, string[]>;

/** Pinpoint's phone-number filters as the simulator's; undefined when they can match nothing. */
function simulatorFilters(given: Filters): SimulatorFilters | undefined {
  const out: SimulatorFilters = {};
  for (const { Name, Values } of given) {
    if (Name === 'two-way-channel-arn') {
      throw validation(
        'Filters: two-way-channel-arn is not a filter the simulator models; leave it out and pick by TwoWayChannelArn from the answer',
      );
    }
    let values = Values;
    if (Name === 'status') {
      const unknown = Values.filter((value) => !(value in STORED_STATUSES_OF));
      if (unknown.length > 0) {
        throw validation(
          `Filters: status ${JSON.stringify(unknown[0])} is not a number status; use ${Object.keys(STORED_STATUSES_OF).join(', ')}`,
        );
      }
      values = Values.flatMap((value) => STORED_STATUSES_OF[value] ?? []);
      if (values.length === 0) return undefined;
    }
    out[Name] = [...(out[Name] ?? []), ...values];
  }
  return out;
}

/** What a number shows to each filter, as the simulator's list filters read it. */
function filterValues(number: PhoneNumber): Record<string, string[]> {
  return {
    status: [number.status],
    'iso-country-code': [number.isoCountryCode],
    'message-type': [number.messageType],
    'number-capability': number.numberCapabilities,
    'number-type': [number.numberType],
    'two-way-enabled': [String(number.twoWayEnabled)],
    'self-managed-opt-outs-enabled': [String(number.selfManagedOptOutsEnabled)],
    'opt-out-list-name': [number.optOutListName],
    'deletion-protection-enabled': [String(number.deletionProtectionEnabled)],
  };
}

const matches = (number: PhoneNumber, wanted: SimulatorFilters): boolean =>
  Object.entries(wanted).every(([name, values]) =>
    (filterValues(number)[name] ?? []).some((value) => values.includes(value)),
  );

const page = (request: { NextToken?: string | undefined; MaxResults?: number | undefined }) =>
  defined({ nextToken: request.NextToken, maxResults: request.MaxResults });

const phoneNumberSettings = {
  TwoWayEnabled: z.boolean().optional(),
  TwoWayChannelArn: z.string().optional(),
  SelfManagedOptOutsEnabled: z.boolean().optional(),
  OptOutListName: z.string().optional(),
  DeletionProtectionEnabled: z.boolean().optional(),
};

const numberBody = (request: {
  TwoWayEnabled?: boolean | undefined;
  TwoWayChannelArn?: string | undefined;
  SelfManagedOptOutsEnabled?: boolean | undefined;
  OptOutListName?: string | undefined;
  DeletionProtectionEnabled?: boolean | undefined;
}): Record<string, unknown> =>
  defined({
    twoWayEnabled: request.TwoWayEnabled,
    twoWayChannelArn: request.TwoWayChannelArn,
    selfManagedOptOutsEnabled: request.SelfManagedOptOutsEnabled,
    optOutListName: request.OptOutListName,
    deletionProtectionEnabled: request.DeletionProtectionEnabled,
  });

async function describePhoneNumbers(
  invoke: Invoke,
  request: {
    PhoneNumberIds?: string[] | undefined;
    Filters?: Filters | undefined;
    NextToken?: string | undefined;
    MaxResults?: number | undefined;
    Owner?: 'SELF' | 'SHARED' | undefined;
  },
): Promise<unknown> {
  const wanted = simulatorFilters(request.Filters ?? []);
  if (request.Owner === 'SHARED' || wanted === undefined) return { PhoneNumbers: [] };
  if (request.PhoneNumberIds !== undefined) {
    const numbers: PhoneNumber[] = [];
    for (const id of request.PhoneNumberIds)
      numbers.push(await invoke('DescribePhoneNumber', { id }));
    return {
      PhoneNumbers: numbers.filter((n) => matches(n, wanted)).map(phoneNumberInformation),
    };
  }
  const found = await invoke('ListPhoneNumbers', { filters: wanted, page: page(request) });
  return defined({
    PhoneNumbers: found.items.map(phoneNumberInformation),
    NextToken: found.nextToken,
  });
}

async function describeOptOutLists(
  invoke: Invoke,
  request: {
    OptOutListNames?: string[] | undefined;
    NextToken?: string | undefined;
    MaxResults?: number | undefined;
    Owner?: 'SELF' | 'SHARED' | undefined;
  },
): Promise<unknown> {
  if (request.Owner === 'SHARED') return { OptOutLists: [] };
  if (request.OptOutListNames !== undefined) {
    const lists: OptOutList[] = [];
    for (const id of request.OptOutListNames)
      lists.push(await invoke('DescribeOptOutList', { id }));
    return { OptOutLists: lists.map(optOutListInformation) };
  }
  const found = await invoke('ListOptOutLists', { page: page(request) });
  return defined({
    OptOutLists: found.items.map(optOutListInformation),
    NextToken: found.nextToken,
  });
}

async function describeOptedOutNumbers(
  invoke: Invoke,
  request: {
    OptOutListName: string;
    OptedOutNumbers?: string[] | undefined;
    Filters?: Filters | undefined;
    NextToken?: string | undefined;
    MaxResults?: number | undefined;
  },
): Promise<unknown> {
  const list = await invoke('DescribeOptOutList', { id: request.OptOutListName });
  const head = { OptOutListArn: list.arn, OptOutListName: list.optOutListName };
  for (const { Name, Values } of request.Filters ?? []) {
    if (Name !== 'end-user-opted-out') {
      throw validation(
        `Filters: ${Name} is not a filter of opted-out numbers; use end-user-opted-out`,
      );
    }
    // Every number here was put by the API, none by an end user's STOP.
    if (!Values.includes('false')) return { ...head, OptedOutNumbers: [] };
  }
  const information = (number: { phoneNumber: string; optedOutTimestamp: string }) => ({
    OptedOutNumber: number.phoneNumber,
    OptedOutTimestamp: epochSeconds(number.optedOutTimestamp),
    EndUserOptedOut: false,
  });
  if (request.OptedOutNumbers !== undefined) {
    const wanted = new Set(request.OptedOutNumbers);
    const found: ReturnType<typeof information>[] = [];
    let nextToken: string | undefined;
    do {
      const got = await invoke('ListOptedOutNumbers', {
        id: list.optOutListName,
        page: defined({ nextToken }),
      });
      found.push(...got.items.filter((n) => wanted.has(n.phoneNumber)).map(information));
      nextToken = got.nextToken;
    } while (nextToken !== undefined);
    return { ...head, OptedOutNumbers: found };
  }
  const got = await invoke('ListOptedOutNumbers', {
    id: list.optOutListName,
    page: page(request),
  });
  return defined({
    ...head,
    OptedOutNumbers: got.items.map(information),
    NextToken: got.nextToken,
  });
}

const optedOutNumberRequest = z.strictObject({
  OptOutListName: z.string(),
  OptedOutNumber: z.string(),
});

const optedOutAnswer = (
  list: { arn: string; optOutListName: string },
  number: { phoneNumber: string; optedOutTimestamp: string },
) => ({
  OptOutListArn: list.arn,
  OptOutListName: list.optOutListName,
  OptedOutNumber: number.phoneNumber,
  OptedOutTimestamp: epochSeconds(number.optedOutTimestamp),
  EndUserOptedOut: false,
});

/** Every Pinpoint SMS and Voice v2 operation the simulator serves, by its AWS name. */
export const PINPOINT_OPERATIONS: Record<string, AwsOperation> = {
  RequestPhoneNumber: awsOperation(
    z.strictObject({
      IsoCountryCode: z.string(),
      MessageType: z.string(),
      NumberCapabilities: z.array(z.string()),
      NumberType: z.string(),
      OptOutListName: z.string().optional(),
      RegistrationId: z.string().optional(),
      DeletionProtectionEnabled: z.boolean().optional(),
      Tags: tags.optional(),
      ClientToken: z.string().optional(),
    }),
    async (invoke, request) => {
      const number = await invoke('CreatePhoneNumber', {
        body: defined({
          isoCountryCode: request.IsoCountryCode,
          messageType: request.MessageType,
          numberCapabilities: request.NumberCapabilities,
          numberType: request.NumberType,
          optOutListName: request.OptOutListName,
          registrationId: request.RegistrationId,
          deletionProtectionEnabled: request.DeletionProtectionEnabled,
          tags: request.Tags === undefined ? undefined : tagMap(request.Tags),
          clientToken: request.ClientToken,
        }),
      });
      return { ...phoneNumberInformation(number), Tags: tagList(number.tags) };
    },
  ),
  DescribePhoneNumbers: awsOperation(
    z.strictObject({
      PhoneNumberIds: z.array(z.string()).optional(),
      Filters: filters.optional(),
      Owner: owner,
      ...paging,
    }),
    describePhoneNumbers,
  ),
  UpdatePhoneNumber: awsOperation(
    z.strictObject({ PhoneNumberId: z.string(), ...phoneNumberSettings }),
    async (invoke, request) =>
      phoneNumberInformation(
        await invoke('UpdatePhoneNumber', { id: request.PhoneNumberId, body: numberBody(request) }),
      ),
  ),
  ReleasePhoneNumber: awsOperation(
    z.strictObject({ PhoneNumberId: z.string() }),
    async (invoke, request) =>
      phoneNumberInformation(await invoke('ReleasePhoneNumber', { id: request.PhoneNumberId })),
  ),
  CreateOptOutList: awsOperation(
    z.strictObject({
      OptOutListName: z.string(),
      Tags: tags.optional(),
      ClientToken: z.string().optional(),
    }),
    async (invoke, request) => {
      const list = await invoke('CreateOptOutList', {
        body: defined({
          optOutListName: request.OptOutListName,
          tags: request.Tags === undefined ? undefined : tagMap(request.Tags),
          clientToken: request.ClientToken,
        }),
      });
      return { ...optOutListInformation(list), Tags: tagList(list.tags) };
    },
  ),
  DescribeOptOutLists: awsOperation(
    z.strictObject({ OptOutListNames: z.array(z.string()).optional(), Owner: owner, ...paging }),
    describeOptOutLists,
  ),
  DeleteOptOutList: awsOperation(
    z.strictObject({ OptOutListName: z.string() }),
    async (invoke, request) =>
      optOutListInformation(await invoke('DeleteOptOutList', { id: request.OptOutListName })),
  ),
  PutOptedOutNumber: awsOperation(optedOutNumberRequest, async (invoke, request) => {
    const put = await invoke('PutOptedOutNumber', {
      id: request.OptOutListName,
      body: { phoneNumber: request.OptedOutNumber },
    });
    const list = await invoke('DescribeOptOutList', { id: put.optOutListName });
    return optedOutAnswer(list, put);
  }),
  DescribeOptedOutNumbers: awsOperation(
    z.strictObject({
      OptOutListName: z.string(),
      OptedOutNumbers: z.array(z.string()).optional(),
      Filters: filters.optional(),
      ...paging,
    }),
    describeOptedOutNumbers,
  ),
  DeleteOptedOutNumber: awsOperation(optedOutNumberRequest, async (invoke, request) => {
    const list = await invoke('DescribeOptOutList', { id: request.OptOutListName });
    const removed = await invoke('DeleteOptedOutNumber', {
      id: list.optOutListName,
      body: { phoneNumber: request.OptedOutNumber },
    });
    return optedOutAnswer(list, removed);
  }),
};

/** Pinpoint's error names for the simulator's codes (it models no 413 or 503 of its own). */
const ERROR_NAME: Record<ErrorCode, string> = {
  ValidationException: 'ValidationException',
  AccessDeniedException: 'AccessDeniedException',
  ResourceNotFoundException: 'ResourceNotFoundException',
  ConflictException: 'ConflictException',
  PayloadTooLargeException: 'ValidationException',
  ThrottlingException: 'ThrottlingException',
  ServiceQuotaExceededException: 'ServiceQuotaExceededException',
  InternalServerException: 'InternalServerException',
  ServiceUnavailableException: 'InternalServerException',
};

/** Pinpoint's `Reason` for the rule that refused a call. */
const REASON_OF: Partial<Record<ProblemCode, string>> = {
  'deletion-protected': 'DELETION_PROTECTION_ENABLED',
  assigned: 'RESOURCE_DELETION_NOT_ALLOWED',
  'not-active': 'RESOURCE_NOT_ACTIVE',
  'already-in-deletion-queue': 'RESOURCE_NOT_ACTIVE',
  'number-quota': 'PHONE_NUMBERS_PER_ACCOUNT',
  'churn-cap': 'PHONE_NUMBERS_PER_ACCOUNT',
  'default-list-not-managed': 'RESOURCE_DELETION_NOT_ALLOWED',
};

/** A conflict with no rule of its own, by the operation that met it. */
const CONFLICT_REASON_OF: Record<string, string> = {
  CreateOptOutList: 'RESOURCE_ALREADY_EXISTS',
  DeleteOptOutList: 'RESOURCE_DELETION_NOT_ALLOWED',
};

/** The object a failed call named: its Pinpoint ResourceType and id. */
function resourceOf(context: ErrorContext): { ResourceType?: string; ResourceId?: string } {
  const failed = context.failed;
  if (!failed) return {};
  const body = (failed.input.body ?? {}) as { optOutListName?: unknown };
  if (failed.operation === 'CreatePhoneNumber' || failed.operation === 'UpdatePhoneNumber') {
    if (failed.operation === 'CreatePhoneNumber' || typeof body.optOutListName === 'string') {
      return defined({ ResourceType: 'opt-out-list', ResourceId: body.optOutListName }) as {
        ResourceType?: string;
        ResourceId?: string;
      };
    }
  }
  const type = /OptedOut|OptOut/.test(failed.operation) ? 'opt-out-list' : 'phone-number';
  return defined({ ResourceType: type, ResourceId: failed.input.id }) as {
    ResourceType?: string;
    ResourceId?: string;
  };
}

function members(error: SimulatorError, context: ErrorContext): Record<string, unknown> {
  const reason = error.reason === undefined ? undefined : REASON_OF[error.reason];
  switch (error.code) {
    case 'ValidationException':
      return { Reason: reason ?? 'FIELD_VALIDATION_FAILED' };
    case 'PayloadTooLargeException':
      return { Reason: 'MAXIMUM_SIZE_EXCEEDED' };
    case 'ConflictException':
      return {
        Reason:
          reason ??
          CONFLICT_REASON_OF[context.failed?.operation ?? ''] ??
          'RESOURCE_MODIFICATION_NOT_ALLOWED',
        ...resourceOf(context),
      };
    case 'ResourceNotFoundException':
      return resourceOf(context);
    case 'ServiceQuotaExceededException':
      return { Reason: reason ?? 'PHONE_NUMBERS_PER_ACCOUNT' };
    case 'InternalServerException':
    case 'ServiceUnavailableException':
      return { RequestId: context.requestId };
    default:
      return {};
  }
}

export const PINPOINT_DIALECT: AwsDialect = {
  name: 'pinpoint-sms-voice-v2',
  errorAnswer(error, context): AwsErrorAnswer {
    const status = error.httpStatus >= 500 ? error.httpStatus : 400;
    return {
      status,
      headers: { 'content-type': AWS_JSON_1_0 },
      body: { __type: ERROR_NAME[error.code], Message: error.message, ...members(error, context) },
    };
  },
};

/** An X-Amz-Target this dialect does not serve: awsJson1_0's own unknown-operation error. */
export function unknownTarget(target: string | undefined): SimulatorError {
  return new SimulatorError(
    'ValidationException',
    target === undefined
      ? `the request has no X-Amz-Target header; send ${PINPOINT_TARGET_PREFIX}.<Operation>`
      : `X-Amz-Target ${target} is not an operation the simulator serves; it serves ${PINPOINT_TARGET_PREFIX}.${Object.keys(PINPOINT_OPERATIONS).join(', ')}`,
  );
}

import { z } from 'zod';
import {
  conflict,
  notFound,
  SimulatorError,
  validation,
  type ErrorCode,
} from '../../../api/errors';
import type {
  NumberStatus,
  PhoneNumber,
  PhoneNumberOrder,
  VoiceConnector,
  VoiceConnectorGroup,
} from '../../../api/objects';
import { defined, tagMap, type AwsDialect, type AwsErrorAnswer, type Invoke } from './aws-dialect';
import { restOperation, type RestOperation } from './rest-operation';

/**
 * Chime SDK Voice (API 2022-08-03) in restJson1: voice connectors, voice connector groups and
 * the phone-number inventory. Timestamps are ISO-8601 strings; errors carry
 * `x-amzn-ErrorType` and `{ Code, Message }`. Chime sees the numbers that have a product type.
 */

const voiceConnector = (connector: VoiceConnector): Record<string, unknown> => ({
  VoiceConnectorId: connector.voiceConnectorId,
  AwsRegion: connector.awsRegion,
  Name: connector.name,
  OutboundHostName: connector.outboundHostName,
  RequireEncryption: connector.requireEncryption,
  CreatedTimestamp: connector.createdTimestamp,
  UpdatedTimestamp: connector.updatedTimestamp,
  VoiceConnectorArn: connector.arn,
});

const voiceConnectorGroup = (group: VoiceConnectorGroup): Record<string, unknown> => ({
  VoiceConnectorGroupId: group.voiceConnectorGroupId,
  Name: group.name,
  VoiceConnectorItems: group.connectors.map((c) => ({
    VoiceConnectorId: c.voiceConnectorId,
    Priority: c.priority,
  })),
  CreatedTimestamp: group.createdTimestamp,
  UpdatedTimestamp: group.updatedTimestamp,
  VoiceConnectorGroupArn: group.arn,
});

/** Chime's inventory statuses for the simulator's. */
function chimeStatus(number: PhoneNumber): string {
  const statuses: Record<NumberStatus, string> = {
    PENDING: 'AcquireInProgress',
    ACTIVE:
      number.voiceConnectorId !== null || number.voiceConnectorGroupId !== null
        ? 'Assigned'
        : 'Unassigned',
    DELETION_QUEUED: 'DeleteInProgress',
    FAILED: 'AcquireFailed',
    DELETED: 'ReleaseInProgress',
  };
  return statuses[number.status];
}

function phoneNumber(number: PhoneNumber): Record<string, unknown> {
  const can = (capability: 'SMS' | 'VOICE' | 'MMS'): boolean =>
    number.numberCapabilities.includes(capability);
  const association =
    number.voiceConnectorId !== null
      ? { Name: 'VoiceConnectorId', Value: number.voiceConnectorId }
      : number.voiceConnectorGroupId !== null
        ? { Name: 'VoiceConnectorGroupId', Value: number.voiceConnectorGroupId }
        : undefined;
  return defined({
    PhoneNumberId: number.phoneNumberId,
    E164PhoneNumber: number.phoneNumber,
    Country: number.isoCountryCode,
    Type: number.numberType === 'TOLL_FREE' ? 'TollFree' : 'Local',
    ProductType: number.productType,
    Status: chimeStatus(number),
    Capabilities: {
      InboundCall: can('VOICE'),
      OutboundCall: can('VOICE'),
      InboundSMS: can('SMS'),
      OutboundSMS: can('SMS'),
      InboundMMS: can('MMS'),
      OutboundMMS: can('MMS'),
    },
    Associations: association ? [association] : [],
    CreatedTimestamp: number.createdTimestamp,
  });
}

const phoneNumberOrder = (order: PhoneNumberOrder): Record<string, unknown> => ({
  PhoneNumberOrderId: order.phoneNumberOrderId,
  ProductType: order.productType,
  Status: order.status,
  OrderType: 'New',
  OrderedPhoneNumbers: order.orderedPhoneNumbers.map((n) => ({
    E164PhoneNumber: n.phoneNumber,
    Status: n.status,
  })),
  CreatedTimestamp: order.createdTimestamp,
  UpdatedTimestamp: order.createdTimestamp,
});

const paging = {
  query: {
    'max-results': { member: 'MaxResults', type: 'integer' },
    'next-token': { member: 'NextToken', type: 'string' },
  },
} as const;
const pageMembers = { MaxResults: z.number().optional(), NextToken: z.string().optional() };
const page = (request: { MaxResults?: number | undefined; NextToken?: string | undefined }) =>
  defined({ maxResults: request.MaxResults, nextToken: request.NextToken });

const items = z.array(z.strictObject({ VoiceConnectorId: z.string(), Priority: z.number() }));
const connectorsOf = (list: z.infer<typeof items>) =>
  list.map((item) => ({ voiceConnectorId: item.VoiceConnectorId, priority: item.Priority }));

/** A number of the Chime inventory: one with a product type; the others are not Chime's. */
async function chimeNumber(invoke: Invoke, id: string): Promise<PhoneNumber> {
  const number = await invoke('DescribePhoneNumber', { id });
  if (number.productType === null) {
    throw notFound(
      `phone number ${id} is not in the Chime inventory (it has no product type); use Pinpoint's API for it`,
    );
  }
  return number;
}

interface AssociationError {
  PhoneNumberId: string;
  ErrorCode: string;
  ErrorMessage: string;
}

const ERROR_CODE_OF: Partial<Record<ErrorCode, string>> = {
  ValidationException: 'BadRequest',
  ResourceNotFoundException: 'NotFound',
  ConflictException: 'Conflict',
  ServiceQuotaExceededException: 'ResourceLimitExceeded',
};

/**
 * Associates or disassociates each number in turn, as Chime does: a number that cannot be
 * changed is reported in `PhoneNumberErrors` and the others still are.
 */
async function eachNumber(
  e164Numbers: readonly string[],
  change: (number: PhoneNumber) => Promise<void>,
  invoke: Invoke,
): Promise<{ PhoneNumberErrors: AssociationError[] }> {
  const errors: AssociationError[] = [];
  for (const e164 of e164Numbers) {
    try {
      await change(await chimeNumber(invoke, e164));
    } catch (error) {
      const code = SimulatorError.isInstance(error) ? ERROR_CODE_OF[error.code] : undefined;
      if (code === undefined) throw error;
      errors.push({ PhoneNumberId: e164, ErrorCode: code, ErrorMessage: (error as Error).message });
    }
  }
  return { PhoneNumberErrors: errors };
}

type Target = 'voiceConnectorId' | 'voiceConnectorGroupId';
const OTHER: Record<Target, Target> = {
  voiceConnectorId: 'voiceConnectorGroupId',
  voiceConnectorGroupId: 'voiceConnectorId',
};

function associate(invoke: Invoke, target: Target, id: string, force: boolean) {
  return async (number: PhoneNumber): Promise<void> => {
    if (number[target] === id) return;
    const elsewhere = number.voiceConnectorId ?? number.voiceConnectorGroupId;
    if (elsewhere !== null && !force) {
      throw conflict(
        `${number.phoneNumber} is associated with ${elsewhere}; disassociate it first, or pass ForceAssociate`,
      );
    }
    await invoke('UpdatePhoneNumber', {
      id: number.phoneNumberId,
      body: { [target]: id, [OTHER[target]]: null },
    });
  };
}

function disassociate(invoke: Invoke, target: Target, id: string) {
  return async (number: PhoneNumber): Promise<void> => {
    if (number[target] !== id) {
      throw validation(
        `${number.phoneNumber} is not associated with ${id}; nothing to disassociate`,
      );
    }
    await invoke('UpdatePhoneNumber', { id: number.phoneNumberId, body: { [target]: null } });
  };
}

const numbers = {
  E164PhoneNumbers: z.array(z.string()),
  ForceAssociate: z.boolean().optional(),
};
const connectorNumbers = z.strictObject({ VoiceConnectorId: z.string(), ...numbers });
const groupNumbers = z.strictObject({ VoiceConnectorGroupId: z.string(), ...numbers });

/** Every Chime SDK Voice operation the simulator serves. */
export const CHIME_OPERATIONS: readonly RestOperation[] = [
  restOperation(
    {
      name: 'SearchAvailablePhoneNumbers',
      method: 'GET',
      path: '/search',
      literal: { type: 'phone-numbers' },
      status: 200,
      query: {
        ...paging.query,
        country: { member: 'Country', type: 'string' },
        'area-code': { member: 'AreaCode', type: 'string' },
        'toll-free-prefix': { member: 'TollFreePrefix', type: 'string' },
        'phone-number-type': { member: 'PhoneNumberType', type: 'string' },
      },
    },
    z.strictObject({
      ...pageMembers,
      Country: z.string().optional(),
      AreaCode: z.string().optional(),
      TollFreePrefix: z.string().optional(),
      PhoneNumberType: z.enum(['Local', 'TollFree']).optional(),
    }),
    async (invoke, request) => {
      const tollFree =
        request.PhoneNumberType === 'TollFree' ||
        (request.PhoneNumberType === undefined && request.TollFreePrefix !== undefined);
      const found = await invoke('SearchAvailablePhoneNumbers', {
        body: defined({
          isoCountryCode: request.Country ?? 'US',
          numberType: tollFree ? 'TOLL_FREE' : 'LONG_CODE',
          areaCode: tollFree ? request.TollFreePrefix : request.AreaCode,
          maxResults: request.MaxResults,
        }),
      });
      return { E164PhoneNumbers: found.phoneNumbers };
    },
  ),
  restOperation(
    { name: 'CreatePhoneNumberOrder', method: 'POST', path: '/phone-number-orders', status: 201 },
    z.strictObject({ ProductType: z.string(), E164PhoneNumbers: z.array(z.string()) }),
    async (invoke, request) => ({
      PhoneNumberOrder: phoneNumberOrder(
        await invoke('CreatePhoneNumberOrder', {
          body: { productType: request.ProductType, phoneNumbers: request.E164PhoneNumbers },
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'ListPhoneNumberOrders',
      method: 'GET',
      path: '/phone-number-orders',
      status: 200,
      ...paging,
    },
    z.strictObject(pageMembers),
    async (invoke, request) => {
      const found = await invoke('ListPhoneNumberOrders', { page: page(request) });
      return defined({
        PhoneNumberOrders: found.items.map(phoneNumberOrder),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'GetPhoneNumberOrder',
      method: 'GET',
      path: '/phone-number-orders/:phoneNumberOrderId',
      labels: { phoneNumberOrderId: 'PhoneNumberOrderId' },
      status: 200,
    },
    z.strictObject({ PhoneNumberOrderId: z.string() }),
    async (invoke, request) => ({
      PhoneNumberOrder: phoneNumberOrder(
        await invoke('GetPhoneNumberOrder', { id: request.PhoneNumberOrderId }),
      ),
    }),
  ),
  restOperation(
    { name: 'CreateVoiceConnector', method: 'POST', path: '/voice-connectors', status: 201 },
    z.strictObject({
      Name: z.string(),
      AwsRegion: z.string().optional(),
      RequireEncryption: z.boolean(),
      Tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
    }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('CreateVoiceConnector', {
          body: defined({
            name: request.Name,
            // Chime's default Region.
            awsRegion: request.AwsRegion ?? 'us-east-1',
            requireEncryption: request.RequireEncryption,
            tags: request.Tags === undefined ? undefined : tagMap(request.Tags),
          }),
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'ListVoiceConnectors',
      method: 'GET',
      path: '/voice-connectors',
      status: 200,
      ...paging,
    },
    z.strictObject(pageMembers),
    async (invoke, request) => {
      const found = await invoke('ListVoiceConnectors', { page: page(request) });
      return defined({
        VoiceConnectors: found.items.map(voiceConnector),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'GetVoiceConnector',
      method: 'GET',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    z.strictObject({ VoiceConnectorId: z.string() }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('GetVoiceConnector', { id: request.VoiceConnectorId }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'UpdateVoiceConnector',
      method: 'PUT',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    z.strictObject({
      VoiceConnectorId: z.string(),
      Name: z.string(),
      RequireEncryption: z.boolean(),
    }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('UpdateVoiceConnector', {
          id: request.VoiceConnectorId,
          body: { name: request.Name, requireEncryption: request.RequireEncryption },
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'DeleteVoiceConnector',
      method: 'DELETE',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 204,
    },
    z.strictObject({ VoiceConnectorId: z.string() }),
    async (invoke, request) => {
      await invoke('DeleteVoiceConnector', { id: request.VoiceConnectorId });
      return undefined;
    },
  ),
  restOperation(
    {
      name: 'AssociatePhoneNumbersWithVoiceConnector',
      method: 'POST',
      path: '/voice-connectors/:voiceConnectorId',
      literal: { operation: 'associate-phone-numbers' },
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    connectorNumbers,
    async (invoke, request) => {
      const id = request.VoiceConnectorId;
      await invoke('GetVoiceConnector', { id });
      return eachNumber(
        request.E164PhoneNumbers,
        associate(invoke, 'voiceConnectorId', id, request.ForceAssociate === true),
        invoke,
      );
    },
  ),
  restOperation(
    {
      name: 'DisassociatePhoneNumbersFromVoiceConnector',
      method: 'POST',
      path: '/voice-connectors/:voiceConnectorId',
      literal: { operation: 'disassociate-phone-numbers' },
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    connectorNumbers.omit({ ForceAssociate: true }),
    async (invoke, request) => {
      const id = request.VoiceConnectorId;
      await invoke('GetVoiceConnector', { id });
      return eachNumber(
        request.E164PhoneNumbers,
        disassociate(invoke, 'voiceConnectorId', id),
        invoke,
      );
    },
  ),
  restOperation(
    {
      name: 'CreateVoiceConnectorGroup',
      method: 'POST',
      path: '/voice-connector-groups',
      status: 201,
    },
    z.strictObject({ Name: z.string(), VoiceConnectorItems: items.optional() }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('CreateVoiceConnectorGroup', {
          body: defined({
            name: request.Name,
            connectors:
              request.VoiceConnectorItems === undefined
                ? undefined
                : connectorsOf(request.VoiceConnectorItems),
          }),
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'ListVoiceConnectorGroups',
      method: 'GET',
      path: '/voice-connector-groups',
      status: 200,
      ...paging,
    },
    z.strictObject(pageMembers),
    async (invoke, request) => {
      const found = await invoke('ListVoiceConnectorGroups', { page: page(request) });
      return defined({
        VoiceConnectorGroups: found.items.map(voiceConnectorGroup),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'GetVoiceConnectorGroup',
      method: 'GET',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 200,
    },
    z.strictObject({ VoiceConnectorGroupId: z.string() }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('GetVoiceConnectorGroup', { id: request.VoiceConnectorGroupId }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'UpdateVoiceConnectorGroup',
      method: 'PUT',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 202,
    },
    // Chime replaces the whole list: both members are required.
    z.strictObject({
      VoiceConnectorGroupId: z.string(),
      Name: z.string(),
      VoiceConnectorItems: items,
    }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('UpdateVoiceConnectorGroup', {
          id: request.VoiceConnectorGroupId,
          body: { name: request.Name, connectors: connectorsOf(request.VoiceConnectorItems) },
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'DeleteVoiceConnectorGroup',
      method: 'DELETE',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 204,
    },
    z.strictObject({ VoiceConnectorGroupId: z.string() }),
    async (invoke, request) => {
      await invoke('DeleteVoiceConnectorGroup', { id: request.VoiceConnectorGroupId });
      return undefined;
    },
  ),
  restOperation(
    {
      name: 'AssociatePhoneNumbersWithVoiceConnectorGroup',
      method: 'POST',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      literal: { operation: 'associate-phone-numbers' },
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 200,
    },
    groupNumbers,
    async (invoke, request) => {
      const id = request.VoiceConnectorGroupId;
      await invoke('GetVoiceConnectorGroup', { id });
      return eachNumber(
        request.E164PhoneNumbers,
        associate(invoke, 'voiceConnectorGroupId', id, request.ForceAssociate === true),
        invoke,
      );
    },
  ),
  restOperation(
    {
      name: 'DisassociatePhoneNumbersFromVoiceConnectorGroup',
      method: 'POST',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      literal: { operation: 'disassociate-phone-numbers' },
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 200,
    },
    groupNumbers.omit({ ForceAssociate: true }),
    async (invoke, request) => {
      const id = request.VoiceConnectorGroupId;
      await invoke('GetVoiceConnectorGroup', { id });
      return eachNumber(
        request.E164PhoneNumbers,
        disassociate(invoke, 'voiceConnectorGroupId', id),
        invoke,
      );
    },
  ),
  restOperation(
    {
      name: 'ListPhoneNumbers',
      method: 'GET',
      path: '/phone-numbers',
      status: 200,
      query: {
        ...paging.query,
        status: { member: 'Status', type: 'string' },
        'product-type': { member: 'ProductType', type: 'string' },
        'filter-name': { member: 'FilterName', type: 'string' },
        'filter-value': { member: 'FilterValue', type: 'string' },
      },
    },
    z.strictObject({
      ...pageMembers,
      Status: z.string().optional(),
      ProductType: z.string().optional(),
      FilterName: z.enum(['VoiceConnectorId', 'VoiceConnectorGroupId', 'SipRuleId']).optional(),
      FilterValue: z.string().optional(),
    }),
    async (invoke, request) => {
      // A page of the inventory, with Chime's filters applied to it: a page may come back
      // short (or empty) with a NextToken, as AWS pages may.
      const found = await invoke('ListPhoneNumbers', { page: page(request) });
      const wanted = found.items.filter(
        (number) =>
          number.productType !== null &&
          (request.Status === undefined || chimeStatus(number) === request.Status) &&
          (request.ProductType === undefined || number.productType === request.ProductType) &&
          (request.FilterName === undefined ||
            (request.FilterName === 'VoiceConnectorId' &&
              number.voiceConnectorId === request.FilterValue) ||
            (request.FilterName === 'VoiceConnectorGroupId' &&
              number.voiceConnectorGroupId === request.FilterValue)),
      );
      return defined({ PhoneNumbers: wanted.map(phoneNumber), NextToken: found.nextToken });
    },
  ),
  restOperation(
    {
      name: 'GetPhoneNumber',
      method: 'GET',
      path: '/phone-numbers/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 200,
    },
    z.strictObject({ PhoneNumberId: z.string() }),
    async (invoke, request) => ({
      PhoneNumber: phoneNumber(await chimeNumber(invoke, request.PhoneNumberId)),
    }),
  ),
  restOperation(
    {
      name: 'UpdatePhoneNumber',
      method: 'POST',
      path: '/phone-numbers/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 200,
    },
    z.strictObject({ PhoneNumberId: z.string(), ProductType: z.string().optional() }),
    async (invoke, request) => {
      const number = await chimeNumber(invoke, request.PhoneNumberId);
      return {
        PhoneNumber: phoneNumber(
          request.ProductType === undefined
            ? number
            : await invoke('UpdatePhoneNumber', {
                id: number.phoneNumberId,
                body: { productType: request.ProductType },
              }),
        ),
      };
    },
  ),
  restOperation(
    {
      name: 'RestorePhoneNumber',
      method: 'POST',
      path: '/phone-numbers/:phoneNumberId',
      literal: { operation: 'restore' },
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 200,
    },
    z.strictObject({ PhoneNumberId: z.string() }),
    async (invoke, request) => {
      const number = await chimeNumber(invoke, request.PhoneNumberId);
      return {
        PhoneNumber: phoneNumber(await invoke('RestorePhoneNumber', { id: number.phoneNumberId })),
      };
    },
  ),
  restOperation(
    {
      name: 'DeletePhoneNumber',
      method: 'DELETE',
      path: '/phone-numbers/:phoneNumberId',
      labels: { phoneNumberId: 'PhoneNumberId' },
      status: 204,
    },
    z.strictObject({ PhoneNumberId: z.string() }),
    async (invoke, request) => {
      const number = await chimeNumber(invoke, request.PhoneNumberId);
      await invoke('ReleasePhoneNumber', { id: number.phoneNumberId });
      return undefined;
    },
  ),
];

/** Chime's error shapes for the simulator's codes: the name, its status and its `Code`. */
const ERRORS: Record<ErrorCode, { name: string; status: number; code: string }> = {
  ValidationException: { name: 'BadRequestException', status: 400, code: 'BadRequest' },
  PayloadTooLargeException: { name: 'BadRequestException', status: 400, code: 'BadRequest' },
  AccessDeniedException: { name: 'AccessDeniedException', status: 403, code: 'AccessDenied' },
  ResourceNotFoundException: { name: 'NotFoundException', status: 404, code: 'NotFound' },
  ConflictException: { name: 'ConflictException', status: 409, code: 'Conflict' },
  ServiceQuotaExceededException: {
    name: 'ResourceLimitExceededException',
    status: 400,
    code: 'ResourceLimitExceeded',
  },
  ThrottlingException: { name: 'ThrottledClientException', status: 429, code: 'Throttled' },
  InternalServerException: { name: 'ServiceFailureException', status: 500, code: 'ServiceFailure' },
  ServiceUnavailableException: {
    name: 'ServiceUnavailableException',
    status: 503,
    code: 'ServiceUnavailable',
  },
};

export const CHIME_DIALECT: AwsDialect = {
  name: 'chime-sdk-voice',
  errorAnswer(error): AwsErrorAnswer {
    const shape = ERRORS[error.code];
    return {
      status: shape.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': shape.name },
      body: { Code: shape.code, Message: error.message },
    };
  },
};

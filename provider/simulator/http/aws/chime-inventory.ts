import { z } from 'zod';
import { defined } from './aws-dialect';
import {
  chimeNumber,
  chimeStatus,
  page,
  pageMembers,
  paging,
  phoneNumber,
  phoneNumberOrder,
} from './chime-shapes';
import { restOperation, type RestOperation } from './rest-operation';

/**
 * Chime SDK Voice's phone-number inventory: search, orders of chosen numbers, get, list,
 * product type, delete into the deletion queue and restore. Chime sees the numbers that have
 * a product type; its ids are the simulator's, and a number's E.164 form names it too.
 */
export const CHIME_NUMBER_OPERATIONS: readonly RestOperation[] = [
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

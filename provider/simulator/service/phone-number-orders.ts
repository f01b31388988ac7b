import { randomUUID } from 'node:crypto';
import { notFound, SimulatorError } from '../../api/errors';
import type {
  OrderedNumberStatus,
  Page,
  PhoneNumberOrder,
  PhoneNumberOrderStatus,
} from '../../api/objects';
import { parseRequest } from '../../api/parse-request';
import { createPhoneNumberOrderRequest } from '../../api/requests';
import {
  findOrder,
  insertOrder,
  orderedNumbers,
  orderKey,
  pageOfOrders,
  type OrderedNumberRow,
  type OrderRow,
} from '../store/phone-number-orders';
import { findNumberRow } from '../store/phone-numbers';
import { planOfNumber } from '../domain/number-plan';
import type { OperationContext } from './context';
import { createOnce } from './idempotency';
import { listPage } from './pagination';
import { createPhoneNumber } from './phone-numbers';

/**
 * Chime's orders: a list of chosen numbers (as SearchAvailablePhoneNumbers offered them)
 * claimed in one call. Each number is claimed on its own; one that cannot be (taken, the
 * quota) fails in the order while the others are claimed. The order's status follows its
 * numbers: Processing while any is PENDING, then Successful, Partial or Failed.
 */

function numberStatus(ctx: OperationContext, row: OrderedNumberRow): OrderedNumberStatus {
  if (row.phone_number_id === null) return 'Failed';
  const number = findNumberRow(ctx.db, ctx.account.account_id, row.phone_number_id);
  if (number?.status === 'PENDING') return 'Processing';
  return number?.status === 'FAILED' ? 'Failed' : 'Acquired';
}

function orderStatus(statuses: readonly OrderedNumberStatus[]): PhoneNumberOrderStatus {
  if (statuses.includes('Processing')) return 'Processing';
  if (statuses.every((status) => status === 'Acquired')) return 'Successful';
  return statuses.every((status) => status === 'Failed') ? 'Failed' : 'Partial';
}

function view(ctx: OperationContext, row: OrderRow): PhoneNumberOrder {
  const numbers = orderedNumbers(ctx.db, row.order_id).map((number) => ({
    phoneNumber: number.phone_number,
    status: numberStatus(ctx, number),
    phoneNumberId: number.phone_number_id,
    failureReason: number.failure_reason,
  }));
  return {
    phoneNumberOrderId: row.order_id,
    productType: row.product_type as PhoneNumberOrder['productType'],
    status: orderStatus(numbers.map((n) => n.status)),
    orderedPhoneNumbers: numbers,
    createdTimestamp: new Date(row.created_at).toISOString(),
  };
}

export function createPhoneNumberOrder(ctx: OperationContext, body: unknown): PhoneNumberOrder {
  const request = parseRequest(
    createPhoneNumberOrderRequest,
    body,
    'CreatePhoneNumberOrder request',
  );
  return createOnce(
    ctx,
    'CreatePhoneNumberOrder',
    request,
    () => {
      const plans = request.phoneNumbers.map((phoneNumber) => ({
        phoneNumber,
        ...planOfNumber(phoneNumber, ['TOLL_FREE', 'LONG_CODE'], 'phoneNumbers'),
      }));
      const numbers: OrderedNumberRow[] = plans.map(
        ({ phoneNumber, isoCountryCode, numberType }) => {
          try {
            const made = createPhoneNumber(ctx, {
              isoCountryCode,
              numberType,
              numberCapabilities: ['VOICE'],
              productType: request.productType,
              phoneNumber,
            });
            return {
              phone_number: phoneNumber,
              phone_number_id: made.phoneNumberId,
              failure_reason: null,
            };
          } catch (error) {
            if (!SimulatorError.isInstance(error) || error.code === 'InternalServerException')
              throw error;
            return {
              phone_number: phoneNumber,
              phone_number_id: null,
              failure_reason: error.message,
            };
          }
        },
      );
      const row: OrderRow = {
        order_id: randomUUID(),
        account_id: ctx.account.account_id,
        product_type: request.productType,
        created_at: ctx.now,
      };
      insertOrder(ctx.db, row, numbers);
      return { id: row.order_id, value: view(ctx, row) };
    },
    (id) => {
      const row = findOrder(ctx.db, ctx.account.account_id, id);
      return row ? view(ctx, row) : undefined;
    },
  );
}

export function getPhoneNumberOrder(ctx: OperationContext, id: string): PhoneNumberOrder {
  const row = findOrder(ctx.db, ctx.account.account_id, id);
  if (!row)
    throw notFound(`phone-number order ${id} does not exist in this account; list the orders`);
  return view(ctx, row);
}

export function listPhoneNumberOrders(
  ctx: OperationContext,
  page: unknown,
): Page<PhoneNumberOrder> {
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListPhoneNumberOrders', accountId, key: ['number', 'string'] },
    (window) => pageOfOrders(ctx.db, accountId, window),
    orderKey,
    (row) => view(ctx, row),
  );
}

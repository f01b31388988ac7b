import { sql, type Db } from './database';
import { afterKey, type KeyPart, type RowWindow } from './keyset';

/** Chime's phone-number orders: what each asked for, in its order, and which number each claim became. */

export interface OrderRow {
  order_id: string;
  account_id: string;
  product_type: string;
  created_at: number;
}

export interface OrderedNumberRow {
  phone_number: string;
  /** The number the claim made; null when the claim was refused. */
  phone_number_id: string | null;
  failure_reason: string | null;
}

export function insertOrder(db: Db, row: OrderRow, numbers: readonly OrderedNumberRow[]): void {
  sql(
    db,
    'INSERT INTO phone_number_orders (order_id, account_id, product_type, created_at) VALUES (?, ?, ?, ?)',
  ).run(row.order_id, row.account_id, row.product_type, row.created_at);
  const insert = sql(
    db,
    'INSERT INTO phone_number_order_numbers (order_id, position, phone_number, phone_number_id, failure_reason) VALUES (?, ?, ?, ?, ?)',
  );
  numbers.forEach((number, position) => {
    insert.run(
      row.order_id,
      position,
      number.phone_number,
      number.phone_number_id,
      number.failure_reason,
    );
  });
}

export function findOrder(db: Db, accountId: string, orderId: string): OrderRow | undefined {
  return sql(db, 'SELECT * FROM phone_number_orders WHERE account_id = ? AND order_id = ?').get(
    accountId,
    orderId,
  ) as OrderRow | undefined;
}

export function orderedNumbers(db: Db, orderId: string): OrderedNumberRow[] {
  return sql(
    db,
    'SELECT phone_number, phone_number_id, failure_reason FROM phone_number_order_numbers WHERE order_id = ? ORDER BY position',
  ).all(orderId) as OrderedNumberRow[];
}

/** The sort key of the orders list: creation time, then id. */
const ORDER_KEY_COLUMNS = ['created_at', 'order_id'] as const;
export const orderKey = (row: OrderRow): KeyPart[] => [row.created_at, row.order_id];

export function pageOfOrders(db: Db, accountId: string, window: RowWindow): OrderRow[] {
  const after = afterKey(ORDER_KEY_COLUMNS, window);
  return sql(
    db,
    `SELECT * FROM phone_number_orders WHERE account_id = ?${after.clause}
     ORDER BY ${ORDER_KEY_COLUMNS.join(', ')} LIMIT ?`,
  ).all(accountId, ...after.params, window.limit) as OrderRow[];
}

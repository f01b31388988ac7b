import { z } from 'zod';
import { optOutListName } from '../../model/fields';
import { DEFAULT_OPT_OUT_LIST } from '../../model/limits';
import { conflict, notFound, validation } from '../../api/errors';
import { createOptOutListRequest, optedOutNumberRequest } from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { OptedOutNumberOnList, OptOutList, Page } from '../../api/objects';
import {
  deleteListRow,
  findListRow,
  insertListRow,
  listFromRow,
  listKey,
  numbersUsingList,
  optedOutCount,
  optedOutFromRow,
  optedOutKey,
  pageOfListRows,
  pageOfOptedOutRows,
  putOptedOut,
  findOptedOut,
  deleteOptedOut,
  type OptOutListRow,
} from '../store/opt-out-lists';
import type { OperationContext } from './context';
import { createOnce } from './idempotency';
import { listPage } from './pagination';

const view = (ctx: OperationContext, row: OptOutListRow): OptOutList =>
  listFromRow(row, optedOutCount(ctx.db, ctx.account.account_id, row.name), ctx.account.account_id);

function loadRow(ctx: OperationContext, name: string): OptOutListRow {
  parseRequest(z.object({ optOutListName }), { optOutListName: name }, 'the opt-out list');
  const row = findListRow(ctx.db, ctx.account.account_id, name);
  if (!row) throw notFound(`opt-out list "${name}" does not exist in this account; check the name`);
  return row;
}

export function createOptOutList(ctx: OperationContext, body: unknown): OptOutList {
  const request = parseRequest(createOptOutListRequest, body, 'CreateOptOutList request');
  return createOnce(
    ctx,
    'CreateOptOutList',
    request,
    () => {
      if (findListRow(ctx.db, ctx.account.account_id, request.optOutListName)) {
        throw conflict(
          `opt-out list "${request.optOutListName}" already exists in this account; choose another name`,
        );
      }
      const row: OptOutListRow = {
        account_id: ctx.account.account_id,
        name: request.optOutListName,
        tags: JSON.stringify(request.tags ?? {}),
        created_at: ctx.now,
      };
      insertListRow(ctx.db, row);
      return { id: row.name, value: view(ctx, row) };
    },
    (name) => {
      const row = findListRow(ctx.db, ctx.account.account_id, name);
      return row ? view(ctx, row) : undefined;
    },
  );
}

export function describeOptOutList(ctx: OperationContext, name: string): OptOutList {
  return view(ctx, loadRow(ctx, name));
}

export function listOptOutLists(ctx: OperationContext, page: unknown): Page<OptOutList> {
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListOptOutLists', accountId, key: ['number', 'string'] },
    (window) => pageOfListRows(ctx.db, accountId, window),
    listKey,
    (row) => view(ctx, row),
  );
}

export function deleteOptOutList(ctx: OperationContext, name: string): OptOutList {
  const row = loadRow(ctx, name);
  if (name === DEFAULT_OPT_OUT_LIST) {
    throw validation('the Default opt-out list is built in and cannot be deleted');
  }
  const users = numbersUsingList(ctx.db, ctx.account.account_id, name);
  if (users.length > 0) {
    throw conflict(
      `opt-out list "${name}" is in use by phone number${users.length > 1 ? 's' : ''} ${users.join(', ')}; move them to another list first`,
    );
  }
  const list = view(ctx, row);
  deleteListRow(ctx.db, ctx.account.account_id, name);
  return list;
}

export function putOptedOutNumber(
  ctx: OperationContext,
  name: string,
  body: unknown,
): OptedOutNumberOnList {
  loadRow(ctx, name);
  const request = parseRequest(optedOutNumberRequest, body, 'PutOptedOutNumber request');
  putOptedOut(ctx.db, ctx.account.account_id, name, request.phoneNumber, ctx.now);
  const row = findOptedOut(ctx.db, ctx.account.account_id, name, request.phoneNumber);
  return {
    optOutListName: name,
    ...optedOutFromRow(row ?? { phone_number: request.phoneNumber, opted_out_at: ctx.now }),
  };
}

/** Takes a number off a list (it may be messaged again); fails if it is not on the list. */
export function deleteOptedOutNumber(
  ctx: OperationContext,
  name: string,
  body: unknown,
): OptedOutNumberOnList {
  loadRow(ctx, name);
  const request = parseRequest(optedOutNumberRequest, body, 'DeleteOptedOutNumber request');
  const row = findOptedOut(ctx.db, ctx.account.account_id, name, request.phoneNumber);
  if (!row) {
    throw notFound(
      `${request.phoneNumber} is not on opt-out list "${name}"; list its numbers to see which are`,
    );
  }
  deleteOptedOut(ctx.db, ctx.account.account_id, name, request.phoneNumber);
  return { optOutListName: name, ...optedOutFromRow(row) };
}

export function listOptedOutNumbers(
  ctx: OperationContext,
  name: string,
  page: unknown,
): Page<{ phoneNumber: string; optedOutTimestamp: string }> {
  loadRow(ctx, name);
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListOptedOutNumbers', within: name, accountId, key: ['string'] },
    (window) => pageOfOptedOutRows(ctx.db, accountId, name, window),
    optedOutKey,
    optedOutFromRow,
  );
}

import { groupCountProblem, groupProblems } from '../../model/group-rules';
import { conflict, notFound, throwFirst } from '../../api/errors';
import { newVoiceConnectorGroupId } from '../domain/ids';
import {
  createVoiceConnectorGroupRequest,
  updateVoiceConnectorGroupRequest,
} from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { GroupConnector, Page, VoiceConnectorGroup } from '../../api/objects';
import {
  deleteGroupRow,
  findGroupRow,
  groupConnectors,
  groupCount,
  groupFromRow,
  groupKey,
  insertGroupRow,
  numbersOnGroup,
  pageOfGroupRows,
  replaceGroupConnectors,
  updateGroupRow,
  type VoiceConnectorGroupRow,
} from '../store/voice-connector-groups';
import { findConnectorRow } from '../store/voice-connectors';
import type { OperationContext } from './context';
import { createOnce } from './idempotency';
import { listPage } from './pagination';

function loadRow(ctx: OperationContext, id: string): VoiceConnectorGroupRow {
  const row = findGroupRow(ctx.db, ctx.account.account_id, id);
  if (!row) {
    throw notFound(
      `voice connector group ${id} does not exist in this account; check the voiceConnectorGroupId`,
    );
  }
  return row;
}

const view = (ctx: OperationContext, row: VoiceConnectorGroupRow): VoiceConnectorGroup =>
  groupFromRow(row, groupConnectors(ctx.db, row.voice_connector_group_id), ctx.account.account_id);

/** Chime groups: each connector once, each its own priority, all in this account. */
function checkConnectors(ctx: OperationContext, connectors: GroupConnector[]): GroupConnector[] {
  throwFirst(
    groupProblems(connectors.map((c) => ({ connector: c.voiceConnectorId, priority: c.priority }))),
  );
  for (const connector of connectors) {
    if (!findConnectorRow(ctx.db, ctx.account.account_id, connector.voiceConnectorId)) {
      throw notFound(
        `voice connector ${connector.voiceConnectorId} does not exist in this account; create it first or fix connectors`,
      );
    }
  }
  return [...connectors].sort((a, b) => a.priority - b.priority);
}

export function createVoiceConnectorGroup(
  ctx: OperationContext,
  body: unknown,
): VoiceConnectorGroup {
  const request = parseRequest(
    createVoiceConnectorGroupRequest,
    body,
    'CreateVoiceConnectorGroup request',
  );
  return createOnce(
    ctx,
    'CreateVoiceConnectorGroup',
    request,
    () => {
      const connectors = checkConnectors(ctx, request.connectors ?? []);
      throwFirst([groupCountProblem(groupCount(ctx.db, ctx.account.account_id) + 1)]);
      const row: VoiceConnectorGroupRow = {
        voice_connector_group_id: newVoiceConnectorGroupId(),
        account_id: ctx.account.account_id,
        name: request.name,
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      insertGroupRow(ctx.db, row);
      replaceGroupConnectors(ctx.db, row.voice_connector_group_id, connectors);
      return { id: row.voice_connector_group_id, value: view(ctx, row) };
    },
    (id) => {
      const row = findGroupRow(ctx.db, ctx.account.account_id, id);
      return row ? view(ctx, row) : undefined;
    },
  );
}

export function getVoiceConnectorGroup(ctx: OperationContext, id: string): VoiceConnectorGroup {
  return view(ctx, loadRow(ctx, id));
}

export function listVoiceConnectorGroups(
  ctx: OperationContext,
  page: unknown,
): Page<VoiceConnectorGroup> {
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListVoiceConnectorGroups', accountId, key: ['number', 'string'] },
    (window) => pageOfGroupRows(ctx.db, accountId, window),
    groupKey,
    (row) => view(ctx, row),
  );
}

/** Renaming touches only the name; connectors change only when the request lists them. */
export function updateVoiceConnectorGroup(
  ctx: OperationContext,
  id: string,
  body: unknown,
): VoiceConnectorGroup {
  const request = parseRequest(
    updateVoiceConnectorGroupRequest,
    body,
    'UpdateVoiceConnectorGroup request',
  );
  const row = loadRow(ctx, id);
  const next = { ...row, name: request.name ?? row.name, updated_at: ctx.now };
  if (request.connectors)
    replaceGroupConnectors(ctx.db, id, checkConnectors(ctx, request.connectors));
  updateGroupRow(ctx.db, next);
  return view(ctx, next);
}

export function deleteVoiceConnectorGroup(ctx: OperationContext, id: string): VoiceConnectorGroup {
  const row = loadRow(ctx, id);
  const group = view(ctx, row);
  if (group.connectors.length > 0) {
    throw conflict(
      `voice connector group ${id} still has voice connectors (${group.connectors.map((c) => c.voiceConnectorId).join(', ')}); remove them from the group first`,
    );
  }
  const numbers = numbersOnGroup(ctx.db, id);
  if (numbers.length > 0) {
    throw conflict(
      `voice connector group ${id} still has phone numbers assigned (${numbers.join(', ')}); unassign them first`,
    );
  }
  deleteGroupRow(ctx.db, id);
  return group;
}

import { conflict, notFound } from '../../api/errors';
import { newVoiceConnectorId } from '../domain/ids';
import { createVoiceConnectorRequest, updateVoiceConnectorRequest } from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { Page, VoiceConnector } from '../../api/objects';
import {
  connectorFromRow,
  connectorKey,
  deleteConnectorRow,
  findConnectorRow,
  groupsOfConnector,
  insertConnectorRow,
  numbersOnConnector,
  pageOfConnectorRows,
  updateConnectorRow,
  type VoiceConnectorRow,
} from '../store/voice-connectors';
import type { OperationContext } from './context';
import { createOnce } from './idempotency';
import { listPage } from './pagination';

function loadRow(ctx: OperationContext, id: string): VoiceConnectorRow {
  const row = findConnectorRow(ctx.db, ctx.account.account_id, id);
  if (!row) {
    throw notFound(
      `voice connector ${id} does not exist in this account; check the voiceConnectorId`,
    );
  }
  return row;
}

const view = (ctx: OperationContext, row: VoiceConnectorRow): VoiceConnector =>
  connectorFromRow(row, ctx.account.account_id);

export function createVoiceConnector(ctx: OperationContext, body: unknown): VoiceConnector {
  const request = parseRequest(createVoiceConnectorRequest, body, 'CreateVoiceConnector request');
  return createOnce(
    ctx,
    'CreateVoiceConnector',
    request,
    () => {
      const row: VoiceConnectorRow = {
        voice_connector_id: newVoiceConnectorId(),
        account_id: ctx.account.account_id,
        name: request.name,
        aws_region: request.awsRegion,
        require_encryption: request.requireEncryption === false ? 0 : 1,
        tags: JSON.stringify(request.tags ?? {}),
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      insertConnectorRow(ctx.db, row);
      return { id: row.voice_connector_id, value: view(ctx, row) };
    },
    (id) => {
      const row = findConnectorRow(ctx.db, ctx.account.account_id, id);
      return row ? view(ctx, row) : undefined;
    },
  );
}

export function getVoiceConnector(ctx: OperationContext, id: string): VoiceConnector {
  return view(ctx, loadRow(ctx, id));
}

export function listVoiceConnectors(ctx: OperationContext, page: unknown): Page<VoiceConnector> {
  const accountId = ctx.account.account_id;
  return listPage(
    ctx.db,
    page,
    { list: 'ListVoiceConnectors', accountId, key: ['number', 'string'] },
    (window) => pageOfConnectorRows(ctx.db, accountId, window),
    connectorKey,
    (row) => view(ctx, row),
  );
}

export function updateVoiceConnector(
  ctx: OperationContext,
  id: string,
  body: unknown,
): VoiceConnector {
  const request = parseRequest(updateVoiceConnectorRequest, body, 'UpdateVoiceConnector request');
  const row = loadRow(ctx, id);
  const next: VoiceConnectorRow = {
    ...row,
    name: request.name ?? row.name,
    require_encryption:
      request.requireEncryption === undefined
        ? row.require_encryption
        : request.requireEncryption
          ? 1
          : 0,
    tags: request.tags ? JSON.stringify(request.tags) : row.tags,
    updated_at: ctx.now,
  };
  updateConnectorRow(ctx.db, next);
  return view(ctx, next);
}

export function deleteVoiceConnector(ctx: OperationContext, id: string): VoiceConnector {
  const row = loadRow(ctx, id);
  const numbers = numbersOnConnector(ctx.db, id);
  if (numbers.length > 0) {
    throw conflict(
      `voice connector ${id} still has phone numbers assigned (${numbers.join(', ')}); unassign them first`,
    );
  }
  const groups = groupsOfConnector(ctx.db, id);
  if (groups.length > 0) {
    throw conflict(
      `voice connector ${id} is a member of voice connector group ${groups.join(', ')}; remove it from the group first`,
    );
  }
  deleteConnectorRow(ctx.db, id);
  return view(ctx, row);
}

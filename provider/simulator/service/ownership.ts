import { conflict } from '../../api/errors';
import { claimOwnershipRequest, ownedObjectRequest } from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import type { Ownership } from '../../api/objects';
import { deleteOwner, readOwner, writeOwner } from '../store/owners';
import type { OperationContext } from './context';
import { optOutListNameOf, phoneNumberIdOf } from './identifiers';
import { describeOptOutList } from './opt-out-lists';
import { describePhoneNumber } from './phone-numbers';
import { getVoiceConnectorGroup } from './voice-connector-groups';
import { getVoiceConnector } from './voice-connectors';

type Kind = Ownership['kind'];

/** The object named (a 404 when the account has none), by its own id, and how to name it. */
function objectOf(ctx: OperationContext, kind: Kind, id: string): { id: string; label: string } {
  switch (kind) {
    case 'PhoneNumber': {
      const number = describePhoneNumber(ctx, phoneNumberIdOf(ctx, id));
      return {
        id: number.phoneNumberId,
        label: `phone number ${number.phoneNumber} (${number.phoneNumberId})`,
      };
    }
    case 'VoiceConnector': {
      const connector = getVoiceConnector(ctx, id);
      return {
        id: connector.voiceConnectorId,
        label: `voice connector ${connector.name} (${connector.voiceConnectorId})`,
      };
    }
    case 'VoiceConnectorGroup': {
      const group = getVoiceConnectorGroup(ctx, id);
      return {
        id: group.voiceConnectorGroupId,
        label: `voice connector group ${group.name} (${group.voiceConnectorGroupId})`,
      };
    }
    case 'OptOutList': {
      const list = describeOptOutList(ctx, optOutListNameOf(ctx, id));
      return { id: list.optOutListName, label: `opt-out list ${list.optOutListName}` };
    }
  }
}

function view(kind: Kind, id: string, owner?: { owner: string; claimed_at: number }): Ownership {
  return {
    kind,
    id,
    owner: owner?.owner ?? null,
    claimedTimestamp: owner ? new Date(owner.claimed_at).toISOString() : null,
  };
}

/**
 * Records that `owner` (a stack) holds the object. The same owner again is a no-op; another
 * owner is refused, naming the stack that holds it and how that stack lets it go.
 */
export function claimOwnership(ctx: OperationContext, body: unknown): Ownership {
  const request = parseRequest(claimOwnershipRequest, body, 'ClaimOwnership request');
  const object = objectOf(ctx, request.kind, request.id);
  const accountId = ctx.account.account_id;
  const held = readOwner(ctx.db, accountId, request.kind, object.id);
  if (held && held.owner !== request.owner) {
    throw conflict(
      `${object.label} is held by stack ${held.owner} (since ${new Date(held.claimed_at).toISOString()}); stack ${request.owner} cannot take it too. To move it, remove it from ${held.owner} without deleting it (pulumi state delete URN there), then let it go with \`numberplane owners release ${request.kind} ${object.id}\``,
    );
  }
  if (held) return view(request.kind, object.id, held);
  const row = {
    account_id: accountId,
    kind: request.kind,
    object_id: object.id,
    owner: request.owner,
    claimed_at: ctx.now,
  };
  writeOwner(ctx.db, row);
  return view(request.kind, object.id, row);
}

/** Who holds the object, if anyone. */
export function describeOwnership(ctx: OperationContext, body: unknown): Ownership {
  const request = parseRequest(ownedObjectRequest, body, 'DescribeOwnership request');
  const object = objectOf(ctx, request.kind, request.id);
  const held = readOwner(ctx.db, ctx.account.account_id, request.kind, object.id);
  return view(request.kind, object.id, held);
}

/** Forgets who holds the object, so another stack can take it; the object is untouched. */
export function releaseOwnership(ctx: OperationContext, body: unknown): Ownership {
  const request = parseRequest(ownedObjectRequest, body, 'ReleaseOwnership request');
  const object = objectOf(ctx, request.kind, request.id);
  deleteOwner(ctx.db, ctx.account.account_id, request.kind, object.id);
  return view(request.kind, object.id);
}

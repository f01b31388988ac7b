import { listAll } from '../../provider/client/list-all';
import type { SimulatorClient } from '../../provider/client/simulator-client';

/** One numberplane resource of a stack, as `pulumi stack export` shows it. */
export interface StackResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly outputs?: Record<string, unknown>;
}

/** One object the account holds in the backend. */
export interface BackendObject {
  readonly kind: 'PhoneNumber' | 'VoiceConnector' | 'VoiceConnectorGroup' | 'OptOutList';
  readonly id: string;
  readonly phoneNumber?: string;
}

/** What the account holds, page by page: released numbers (in the deletion queue) are not held. */
export async function backendInventory(client: SimulatorClient): Promise<BackendObject[]> {
  const numbers = await listAll(client, 'ListPhoneNumbers');
  const connectors = await listAll(client, 'ListVoiceConnectors');
  const groups = await listAll(client, 'ListVoiceConnectorGroups');
  const lists = await listAll(client, 'ListOptOutLists');
  return [
    ...numbers
      .filter((n) => n.status !== 'DELETION_QUEUED')
      .map((n): BackendObject => ({
        kind: 'PhoneNumber',
        id: n.phoneNumberId,
        phoneNumber: n.phoneNumber,
      })),
    ...connectors.map((c): BackendObject => ({ kind: 'VoiceConnector', id: c.voiceConnectorId })),
    ...groups.map((g): BackendObject => ({
      kind: 'VoiceConnectorGroup',
      id: g.voiceConnectorGroupId,
    })),
    ...lists.map((l): BackendObject => ({ kind: 'OptOutList', id: l.optOutListName })),
  ];
}

export interface LeakCount {
  /** numberplane resources in the stack's state. */
  readonly resources: number;
  /** Resources (or phone numbers) the state holds more than once. */
  readonly duplicates: number;
  /** Objects the account holds that the stack does not (the Default list aside). */
  readonly leaked: number;
  /** Objects the stack holds that the account does not. */
  readonly missing: number;
}

const kindOf = (type: string): string => type.split(':').pop() ?? type;

/** Compares a stack's state with what the account holds. */
export function countLeaks(
  state: readonly StackResource[],
  backend: readonly BackendObject[],
): LeakCount {
  const held = state.map((r) => `${kindOf(r.type)}/${r.id ?? ''}`);
  const numbers = state.flatMap((r) =>
    kindOf(r.type) === 'PhoneNumber' ? [String(r.outputs?.phoneNumber)] : [],
  );
  const live = new Set(backend.map((o) => `${o.kind}/${o.id}`));
  const heldSet = new Set(held);
  const duplicates =
    state.length -
    new Set(state.map((r) => r.urn)).size +
    (held.length - heldSet.size) +
    (numbers.length - new Set(numbers).size);
  return {
    resources: state.length,
    duplicates,
    leaked: backend.filter(
      (o) => !heldSet.has(`${o.kind}/${o.id}`) && !(o.kind === 'OptOutList' && o.id === 'Default'),
    ).length,
    missing: held.filter((key) => !live.has(key)).length,
  };
}

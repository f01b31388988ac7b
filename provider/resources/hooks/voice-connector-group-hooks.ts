import { z } from 'zod';
import { voiceConnectorGroupInputs } from '../input-schemas';
import { checkProperties, type CheckFailure } from './check-inputs';
import {
  type ReadResult,
  call,
  carried,
  clientToken,
  deleteOrGone,
  isNotFound,
  readOrGone,
} from './backend-call';
import {
  compact,
  diffProperties,
  type PropertyDiff,
  type PropertySpec,
  type Props,
} from './property-diff';
import { containsUnknown } from './unknowns';
import type { GroupConnector, VoiceConnectorGroup } from '../../simulator/domain/types';

const FIELDS: Record<string, z.ZodType> = {
  ...voiceConnectorGroupInputs.shape,
  resourceKey: z.string().optional(),
};

const SPECS: PropertySpec[] = [{ name: 'name' }, { name: 'connectors' }];

/** Priority order, so that equal sets of connectors compare equal. */
function ordered(connectors: unknown): GroupConnector[] {
  return [...((connectors as GroupConnector[] | undefined) ?? [])].sort(
    (a, b) => a.priority - b.priority,
  );
}

function groupRules(inputs: Props): CheckFailure[] {
  const connectors = inputs.connectors;
  if (!Array.isArray(connectors) || containsUnknown(connectors)) return [];
  const failures: CheckFailure[] = [];
  const byPriority = new Map<unknown, string>();
  const seen = new Set<unknown>();
  for (const entry of connectors as GroupConnector[]) {
    if (seen.has(entry.voiceConnectorId)) {
      failures.push({
        property: 'connectors',
        reason: `voice connector ${entry.voiceConnectorId} is listed twice; a connector appears once in a group`,
      });
    }
    seen.add(entry.voiceConnectorId);
    const holder = byPriority.get(entry.priority);
    if (holder !== undefined) {
      failures.push({
        property: 'connectors',
        reason: `priority ${entry.priority} is given to both ${holder} and ${entry.voiceConnectorId}; give each connector its own priority (1 is tried first)`,
      });
    }
    byPriority.set(entry.priority, entry.voiceConnectorId);
  }
  return failures;
}

export async function check(
  _olds: Props,
  news: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const connectors = news.connectors ?? [];
  const inputs = {
    ...news,
    connectors: containsUnknown(connectors) ? connectors : ordered(connectors),
  };
  return {
    inputs,
    failures: [...checkProperties(inputs, FIELDS, 'VoiceConnectorGroup'), ...groupRules(inputs)],
  };
}

export async function diff(_id: string, olds: Props, news: Props): Promise<PropertyDiff> {
  return diffProperties(
    { ...olds, connectors: ordered(olds.connectors) },
    {
      ...news,
      connectors: containsUnknown(news.connectors) ? news.connectors : ordered(news.connectors),
    },
    SPECS,
  );
}

function outputs(group: VoiceConnectorGroup, inputs: Props): Props {
  return compact({
    ...inputs,
    name: group.name,
    connectors: group.connectors,
    voiceConnectorGroupId: group.voiceConnectorGroupId,
    arn: group.arn,
  });
}

const declared = (inputs: Props): { name: string; connectors: GroupConnector[] } => ({
  name: String(inputs.name),
  connectors: ordered(inputs.connectors),
});

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  if (typeof inputs.adoptExistingId === 'string') {
    const updated = await call('UpdateVoiceConnectorGroup', {
      id: inputs.adoptExistingId,
      body: declared(inputs),
    });
    return { id: updated.voiceConnectorGroupId, outs: outputs(updated, inputs) };
  }
  const request = declared(inputs);
  const made = await call('CreateVoiceConnectorGroup', {
    body: {
      ...request,
      clientToken: clientToken(inputs.resourceKey, 'VoiceConnectorGroup', request),
    },
  });
  return { id: made.voiceConnectorGroupId, outs: outputs(made, inputs) };
}

export async function read(id: string, props: Props): Promise<ReadResult> {
  const group = await readOrGone(() => call('GetVoiceConnectorGroup', { id }));
  if (!group) return {};
  return {
    id,
    props: outputs(group, props),
    inputs: compact({
      name: group.name,
      connectors: group.connectors,
      ...carried(props),
    }),
  };
}

/** A rename sends only the name, so the group's connectors are never touched by it. */
export async function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const next = declared(news);
  const connectorsChanged = diffProperties(
    { connectors: ordered(olds.connectors) },
    { connectors: next.connectors },
    [{ name: 'connectors' }],
  ).changes;
  const updated = await call('UpdateVoiceConnectorGroup', {
    id,
    body: connectorsChanged ? next : { name: next.name },
  });
  return { outs: outputs(updated, news) };
}

/** The backend refuses to delete a group with connectors: take them out first. */
export async function remove(id: string): Promise<void> {
  try {
    await call('UpdateVoiceConnectorGroup', { id, body: { connectors: [] } });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await deleteOrGone('DeleteVoiceConnectorGroup', id);
}

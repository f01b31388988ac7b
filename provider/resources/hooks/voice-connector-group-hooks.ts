import type { Hooks } from './hooks';
import { z } from 'zod';
import { voiceConnectorGroupInputs } from '../input-schemas';
import { groupProblems } from '../../model/group-rules';
import { checkProperties, failuresOf, type CheckFailure } from './check-inputs';
import {
  type ReadResult,
  call,
  carried,
  clientToken,
  holdFor,
  nameOrResourceName,
  deleteOrGone,
  isNotFound,
  readOrGone,
  withKeptKey,
} from './backend-call';
import {
  compact,
  diffProperties,
  type PropertyDiff,
  type PropertySpec,
  type Props,
} from './property-diff';
import { UNKNOWN, containsUnknown } from './unknowns';
import type { GroupConnector, VoiceConnectorGroup } from '../../api/objects';

const FIELDS: Record<string, z.ZodType> = {
  ...voiceConnectorGroupInputs.shape,
  resourceKey: z.string().optional(),
};

export const SPECS: PropertySpec[] = [{ name: 'name' }, { name: 'connectors' }];

/** Priority order, so that equal sets of connectors compare equal. */
function ordered(connectors: unknown): GroupConnector[] {
  return [...((connectors as GroupConnector[] | undefined) ?? [])].sort(
    (a, b) => a.priority - b.priority,
  );
}

/** A list of objects (each connector an object): what ordering and the group rules read. */
const listOfObjects = (value: unknown): value is object[] =>
  Array.isArray(value) &&
  value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));

/**
 * The rule book's group rules (the schema reports the rest), also while connectors are
 * new: a connector whose id is unknown yet is one of its own, so its priority is checked.
 */
function groupRules(inputs: Props): CheckFailure[] {
  const connectors = inputs.connectors;
  if (!listOfObjects(connectors)) return [];
  const members = (connectors as GroupConnector[]).map((entry, index) => ({
    connector:
      entry.voiceConnectorId === UNKNOWN
        ? `connectors[${index}] (not created yet)`
        : entry.voiceConnectorId,
    priority: containsUnknown(entry.priority) ? undefined : entry.priority,
  }));
  return failuresOf(groupProblems(members));
}

export async function check(
  olds: Props,
  declared: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const news = withKeptKey(olds, declared);
  const connectors = news.connectors;
  const inputs = {
    ...news,
    name: nameOrResourceName(news),
    connectors:
      listOfObjects(connectors) && !containsUnknown(connectors) ? ordered(connectors) : connectors,
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
    await holdFor('VoiceConnectorGroup', inputs.adoptExistingId, inputs.resourceKey);
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
  await holdFor('VoiceConnectorGroup', made.voiceConnectorGroupId, inputs.resourceKey);
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

// The engine calls these through lazy-provider.ts (dynamic) and plugin/plugin-provider.ts
// (the plugin); the compiler checks they fit.
void ({ check, diff, create, read, update, remove } satisfies Hooks);

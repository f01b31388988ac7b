import type { Hooks } from './hooks';
import { z } from 'zod';
import { optOutListInputs } from '../input-schemas';
import { DEFAULT_LIST_NOT_MANAGED } from '../../model/account-rules';
import { DEFAULT_OPT_OUT_LIST } from '../../model/limits';
import { checkProperties, failuresOf, type CheckFailure } from './check-inputs';
import {
  type ReadResult,
  call,
  carried,
  clientToken,
  holdFor,
  deleteOrGone,
  readOrGone,
  tagsOrNone,
  withKeptKey,
} from './backend-call';
import {
  adoptionProblem,
  compact,
  diffProperties,
  type PropertyDiff,
  type PropertySpec,
  type Props,
} from './property-diff';
import type { OptOutList } from '../../api/objects';
import { autoName } from '../key-names';
import { containsUnknown } from './unknowns';

const FIELDS: Record<string, z.ZodType> = {
  ...optOutListInputs.shape,
  resourceKey: z.string().optional(),
};

export const SPECS: PropertySpec[] = [
  { name: 'name', replaces: true },
  { name: 'tags', replaces: true },
];

export async function check(
  olds: Props,
  declared: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const news = named(olds, withKeptKey(olds, declared));
  const failures = checkProperties(news, FIELDS, 'OptOutList');
  if (news.name === DEFAULT_OPT_OUT_LIST) {
    failures.push(...failuresOf([{ ...DEFAULT_LIST_NOT_MANAGED, path: ['name'] }]));
  }
  return { inputs: news, failures };
}

/**
 * A list declared without a name: an adopted list keeps its own; a list made before keeps
 * the name it has unless its tags (which replace it) changed; a new or replacing list is
 * auto-named (resource-key.ts), so two stacks on one account never collide.
 */
function named(olds: Props, news: Props): Props {
  if (news.name !== undefined) return news;
  if (typeof news.adoptExistingId === 'string') return { ...news, name: news.adoptExistingId };
  // Tags not known yet (a preview) keep the name: only tags known to differ replace the list.
  const keep = containsUnknown(news.tags) || sortedTags(olds.tags) === sortedTags(news.tags);
  if (typeof olds.name === 'string' && keep) return { ...news, name: olds.name };
  if (typeof news.resourceKey !== 'string') return news;
  return { ...news, name: autoName(news.resourceKey, sortedTags(news.tags)) };
}

/** Tags as one string whatever order their keys came in. */
function sortedTags(tags: unknown): string {
  const entries = tags && typeof tags === 'object' ? Object.entries(tags) : [];
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function diff(_id: string, olds: Props, news: Props): Promise<PropertyDiff> {
  return diffProperties(olds, news, SPECS);
}

function outputs(list: OptOutList, inputs: Props): Props {
  return compact({
    ...inputs,
    name: list.optOutListName,
    tags: tagsOrNone(list.tags) ?? inputs.tags,
    optOutListName: list.optOutListName,
    arn: list.arn,
    optedOutCount: list.optedOutCount,
  });
}

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  if (typeof inputs.adoptExistingId === 'string') {
    const existing = await call('DescribeOptOutList', { id: inputs.adoptExistingId });
    const refused = adoptionProblem(
      `opt-out list ${existing.optOutListName}`,
      outputs(existing, inputs),
      inputs,
      SPECS,
    );
    if (refused) throw refused;
    await holdFor('OptOutList', existing.optOutListName, inputs.resourceKey);
    return { id: existing.optOutListName, outs: outputs(existing, inputs) };
  }
  const request = {
    optOutListName: String(inputs.name),
    tags: (inputs.tags as Record<string, string>) ?? {},
  };
  const made = await call('CreateOptOutList', {
    body: { ...request, clientToken: clientToken(inputs.resourceKey, 'OptOutList', request) },
  });
  await holdFor('OptOutList', made.optOutListName, inputs.resourceKey);
  return { id: made.optOutListName, outs: outputs(made, inputs) };
}

export async function read(id: string, props: Props): Promise<ReadResult> {
  const list = await readOrGone(() => call('DescribeOptOutList', { id }));
  if (!list) return {};
  return {
    id,
    props: outputs(list, props),
    inputs: compact({
      name: list.optOutListName,
      tags: tagsOrNone(list.tags),
      ...carried(props),
    }),
  };
}

export async function remove(id: string): Promise<void> {
  await deleteOrGone('DeleteOptOutList', id);
}

// The engine calls these through lazy-provider.ts (dynamic) and plugin/plugin-provider.ts
// (the plugin); the compiler checks they fit.
void ({ check, diff, create, read, remove } satisfies Hooks);

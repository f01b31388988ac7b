import type { Hooks } from './hooks';
import { DEFAULTS } from '../../model/limits';
import { z } from 'zod';
import { voiceConnectorInputs } from '../input-schemas';
import type { CheckFailure } from './check-inputs';
import { checkProperties } from './check-inputs';
import type { VoiceConnector } from '../../api/objects';
import {
  type ReadResult,
  call,
  carried,
  clientToken,
  holdFor,
  deleteOrGone,
  nameOrResourceName,
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

const FIELDS: Record<string, z.ZodType> = {
  ...voiceConnectorInputs.shape,
  resourceKey: z.string().optional(),
};

export const SPECS: PropertySpec[] = [
  { name: 'name' },
  { name: 'awsRegion', replaces: true },
  { name: 'requireEncryption' },
  { name: 'tags' },
];

export async function check(
  olds: Props,
  declared: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const news = withKeptKey(olds, declared);
  const inputs = {
    ...news,
    name: nameOrResourceName(news),
    requireEncryption: news.requireEncryption ?? DEFAULTS.requireEncryption,
  };
  return { inputs, failures: checkProperties(inputs, FIELDS, 'VoiceConnector') };
}

export async function diff(_id: string, olds: Props, news: Props): Promise<PropertyDiff> {
  return diffProperties(olds, news, SPECS);
}

function outputs(connector: VoiceConnector, inputs: Props): Props {
  return compact({
    ...inputs,
    name: connector.name,
    awsRegion: connector.awsRegion,
    requireEncryption: connector.requireEncryption,
    tags: tagsOrNone(connector.tags) ?? inputs.tags,
    voiceConnectorId: connector.voiceConnectorId,
    arn: connector.arn,
    outboundHostName: connector.outboundHostName,
  });
}

const settings = (
  inputs: Props,
): { name: string; requireEncryption: boolean; tags: Record<string, string> } => ({
  name: String(inputs.name),
  requireEncryption: inputs.requireEncryption !== false,
  tags: (inputs.tags as Record<string, string> | undefined) ?? {},
});

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  if (typeof inputs.adoptExistingId === 'string') {
    const existing = await call('GetVoiceConnector', { id: inputs.adoptExistingId });
    const refused = adoptionProblem(
      `voice connector ${existing.voiceConnectorId}`,
      outputs(existing, inputs),
      inputs,
      SPECS,
    );
    if (refused) throw refused;
    await holdFor('VoiceConnector', existing.voiceConnectorId, inputs.resourceKey);
    const updated = await call('UpdateVoiceConnector', {
      id: existing.voiceConnectorId,
      body: settings(inputs),
    });
    return { id: updated.voiceConnectorId, outs: outputs(updated, inputs) };
  }
  const request = { ...settings(inputs), awsRegion: inputs.awsRegion };
  const made = await call('CreateVoiceConnector', {
    body: { ...request, clientToken: clientToken(inputs.resourceKey, 'VoiceConnector', request) },
  });
  await holdFor('VoiceConnector', made.voiceConnectorId, inputs.resourceKey);
  return { id: made.voiceConnectorId, outs: outputs(made, inputs) };
}

export async function read(id: string, props: Props): Promise<ReadResult> {
  const connector = await readOrGone(() => call('GetVoiceConnector', { id }));
  if (!connector) return {};
  const outs = outputs(connector, props);
  const inputs = compact({
    name: connector.name,
    awsRegion: connector.awsRegion,
    requireEncryption: connector.requireEncryption,
    tags: tagsOrNone(connector.tags),
    ...carried(props),
  });
  return { id, props: outs, inputs };
}

export async function update(id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  const updated = await call('UpdateVoiceConnector', { id, body: settings(news) });
  return { outs: outputs(updated, news) };
}

export async function remove(id: string): Promise<void> {
  await deleteOrGone('DeleteVoiceConnector', id);
}

// The engine calls these through lazy-provider.ts (dynamic) and plugin/plugin-provider.ts
// (the plugin); the compiler checks they fit.
void ({ check, diff, create, read, update, remove } satisfies Hooks);

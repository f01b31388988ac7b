import type * as provider from '@pulumi/pulumi/provider';
import { holdFor } from '../resources/hooks/backend-call';
import { userFacingHooks, withoutFrames } from '../resources/hooks/user-facing-errors';
import type { Hooks } from '../resources/hooks/hooks';
import type { Props } from '../resources/hooks/property-diff';
import { keyOfUrn } from '../resources/key-names';
import { kindOfToken, RESOURCE_KINDS, tokenOf, type ResourceKind } from './resource-kinds';
import { packageSchema } from './package-schema';

/** The type token of a URN (`urn:pulumi:STACK::PROJECT::[PARENT$]TYPE::NAME`). */
const tokenOfUrn = (urn: string): string => (urn.split('::')[2] ?? '').split('$').pop() ?? '';

function kindOf(urn: string): ResourceKind {
  const kind = kindOfToken(tokenOfUrn(urn));
  if (!kind) {
    throw new Error(
      `numberplane has no resource type ${tokenOfUrn(urn)}; it has ${RESOURCE_KINDS.map(tokenOf).join(', ')}`,
    );
  }
  return kind;
}

function hooksOf(urn: string): Hooks {
  const module = kindOf(urn).hooks as unknown as Record<string, unknown>;
  return userFacingHooks(module) as unknown as Hooks;
}

/**
 * The plugin's provider: each call runs the hooks the dynamic resource of that kind runs.
 * The engine sends what the dynamic provider gets (old outputs, checked inputs, the
 * unknown-value sentinel); the URN stands in for the dynamic resources' `resourceKey` input.
 */
export function pluginProvider(version: string): provider.Provider {
  return {
    version,
    getSchema: () => Promise.resolve(JSON.stringify(packageSchema(version))),
    check: (urn, olds: Props, news: Props) =>
      hooksOf(urn).check(olds, { ...news, resourceKey: keyOfUrn(urn) }),
    diff: (id, urn, olds: Props, news: Props) => hooksOf(urn).diff(id, olds, news),
    create: (urn, inputs: Props) => hooksOf(urn).create(inputs),
    read: async (id, urn, props: Props | undefined) => {
      const result = await hooksOf(urn).read(id, props ?? {});
      // Only an import reads with no state (a refresh passes the last one): the object
      // becomes this stack's, as an adoption's does, or the import fails naming its holder.
      if (result.id && Object.keys(props ?? {}).length === 0) {
        await holdFor(kindOf(urn).name, result.id, keyOfUrn(urn)).catch((error: unknown) => {
          throw withoutFrames(error);
        });
      }
      return result;
    },
    update: async (id, urn, olds: Props, news: Props) =>
      (await hooksOf(urn).update?.(id, olds, news)) ?? { outs: olds },
    delete: (id, urn, props: Props) => hooksOf(urn).remove(id, props),
  };
}

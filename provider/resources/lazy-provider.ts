/* eslint-disable @typescript-eslint/no-require-imports -- the engine's provider process loads the hooks by name */
import type * as pulumi from '@pulumi/pulumi';
import type { Hooks } from './hooks/hooks';

const CONNECTION = 'numberplane/dist/provider/resources/hooks/connection';
/** Hooks whose errors print as one line in the provider process's log (no stack trace). */
const USER_FACING = 'numberplane/dist/provider/resources/hooks/user-facing-errors';

/**
 * A dynamic provider whose methods load their implementation by package name when the
 * engine calls them. Pulumi stores the provider in every resource's state (`__provider`,
 * in inputs and outputs) and rewrites the state file after every step, so its size is
 * paid per resource per step. Each kind's provider is the whole exports of its own module
 * (`providers/*-provider.ts`): when numberplane is installed under node_modules, Pulumi's
 * closure serializer then stores it as a one-line `require("numberplane/dist/…")`
 * (310 bytes). Anywhere else (a symlinked checkout) it stores this object's code, which is
 * why the methods stay one-liners capturing only the module name, never a client, a key
 * or zod (2.3 KB).
 */
export function lazyProvider(hooksModule: string): pulumi.dynamic.ResourceProvider {
  const hooks = (): Hooks => require(USER_FACING).userFacingHooks(require(hooksModule));
  return {
    configure: async (request) => require(CONNECTION).configure(request.config),
    check: (olds, news) => hooks().check(olds, news),
    diff: (id, olds, news) => hooks().diff(id, olds, news),
    create: (inputs) => hooks().create(inputs),
    read: (id, props) => hooks().read(id, props),
    update: (id, olds, news) => hooks().update?.(id, olds, news) ?? Promise.resolve({}),
    delete: (id, props) => hooks().remove(id, props),
  };
}

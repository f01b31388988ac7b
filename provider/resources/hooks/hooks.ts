import type * as pulumi from '@pulumi/pulumi';
import type { Props } from './property-diff';

/**
 * What a hooks module (`*-hooks.ts`) exports: the check/diff/create/read/update/delete the
 * engine calls through `lazy-provider.ts` (dynamic resources) and `plugin/plugin-provider.ts`
 * (the provider plugin). Each module ends with `satisfies Hooks`, so the
 * compiler checks that it fits; `update` is absent where every change replaces. `SPECS`
 * (which properties replace) feeds the diff and the plugin's package schema.
 */
export interface Hooks {
  check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
  diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
  read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
  update?(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
  remove(id: string, props: Props): Promise<void>;
}

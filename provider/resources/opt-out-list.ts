import * as pulumi from '@pulumi/pulumi';
import { resourceKey } from './resource-key';
import provider from './providers/opt-out-list-provider';

export interface OptOutListArgs {
  /**
   * The list's name. @default the resource name and a 7-character suffix derived from the
   * resource's URN and tags (`marketing-3f9a1c2`), kept once chosen. Changing it replaces the list.
   */
  name?: pulumi.Input<string>;
  /** Tags. Changing them replaces the list (the backend has no tag update for lists). */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Take over this existing list (by name) instead of creating one. */
  adoptExistingId?: pulumi.Input<string>;
}

/** A Pinpoint SMS and Voice v2 opt-out list. A list in use by a number cannot be deleted. */
export class OptOutList extends pulumi.dynamic.Resource {
  /** The list’s name, as the backend holds it. */
  declare public readonly name: pulumi.Output<string>;
  /** The list’s tags, as the backend holds them. */
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** The list’s name: its id, and the resource id. */
  declare public readonly optOutListName: pulumi.Output<string>;
  /** The list’s ARN. */
  declare public readonly arn: pulumi.Output<string>;
  /** How many destination numbers opted out (read from the backend). */
  declare public readonly optedOutCount: pulumi.Output<number>;

  constructor(name: string, args: OptOutListArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        name: args.name,
        tags: args.tags,
        adoptExistingId: args.adoptExistingId,
        resourceKey: resourceKey('OptOutList', name, opts),
        optOutListName: undefined,
        arn: undefined,
        optedOutCount: undefined,
      },
      opts,
      'numberplane',
      'OptOutList',
    );
    // The backend id is the resource id: known even in a preview that updates this
    // resource, so dependents referring to it do not see an unknown and plan no change.
    (this as { optOutListName: pulumi.Output<string> }).optOutListName = this.id;
  }
}

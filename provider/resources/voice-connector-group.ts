import * as pulumi from '@pulumi/pulumi';
import { resourceKey } from './resource-key';
import provider from './providers/voice-connector-group-provider';

export interface VoiceConnectorGroupConnector {
  voiceConnectorId: pulumi.Input<string>;
  /** 1..99; 1 is tried first; no two connectors of a group share a priority. */
  priority: pulumi.Input<number>;
}

export interface VoiceConnectorGroupArgs {
  /** The group's name. @default the resource name. Renaming never touches the connectors. */
  name?: pulumi.Input<string>;
  /** At most 3 connectors, each once, each with its own priority. Changes in place. */
  connectors: pulumi.Input<pulumi.Input<VoiceConnectorGroupConnector>[]>;
  /** Take over this existing group (by id) instead of creating one. */
  adoptExistingId?: pulumi.Input<string>;
}

/** An Amazon Chime Voice Connector group: inbound calls fail over by priority across Regions. */
export class VoiceConnectorGroup extends pulumi.dynamic.Resource {
  /** The group’s name, as the backend holds it. */
  declare public readonly name: pulumi.Output<string>;
  /** The connectors in priority order. */
  declare public readonly connectors: pulumi.Output<
    { voiceConnectorId: string; priority: number }[]
  >;
  /** The backend’s id of the group; the resource id. */
  declare public readonly voiceConnectorGroupId: pulumi.Output<string>;
  /** The group’s ARN. */
  declare public readonly arn: pulumi.Output<string>;

  constructor(name: string, args: VoiceConnectorGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        name: args.name ?? name,
        connectors: args.connectors,
        adoptExistingId: args.adoptExistingId,
        resourceKey: resourceKey('VoiceConnectorGroup', name, opts),
        voiceConnectorGroupId: undefined,
        arn: undefined,
      },
      opts,
      'numberplane',
      'VoiceConnectorGroup',
    );
    // The backend id is the resource id: known even in a preview that updates this
    // resource, so dependents referring to it do not see an unknown and plan no change.
    (this as { voiceConnectorGroupId: pulumi.Output<string> }).voiceConnectorGroupId = this.id;
  }
}

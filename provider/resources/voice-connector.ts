import * as pulumi from '@pulumi/pulumi';
import type { AwsRegion } from '../model/enums';
import { resourceKey } from './resource-key';
import provider from './providers/voice-connector-provider';

export interface VoiceConnectorArgs {
  /** The connector's name. @default the resource name. Changes in place. */
  name?: pulumi.Input<string>;
  /** AWS Region the connector lives in. Changing it replaces the connector. */
  awsRegion: pulumi.Input<AwsRegion>;
  /** Require TLS and SRTP on calls. @default true. Changes in place. */
  requireEncryption?: pulumi.Input<boolean>;
  /** Tags. Change in place. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Take over this existing connector (by id) instead of creating one. */
  adoptExistingId?: pulumi.Input<string>;
}

/** An Amazon Chime Voice Connector. */
export class VoiceConnector extends pulumi.dynamic.Resource {
  /** The connector’s name, as the backend holds it. */
  declare public readonly name: pulumi.Output<string>;
  /** The AWS Region the connector lives in. */
  declare public readonly awsRegion: pulumi.Output<AwsRegion>;
  /** Whether calls must use TLS and SRTP. */
  declare public readonly requireEncryption: pulumi.Output<boolean>;
  /** The connector’s tags, as the backend holds them. */
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** The backend's id of the connector. */
  declare public readonly voiceConnectorId: pulumi.Output<string>;
  /** The connector’s ARN. */
  declare public readonly arn: pulumi.Output<string>;
  /** SIP host name for outbound calls. */
  declare public readonly outboundHostName: pulumi.Output<string>;

  constructor(name: string, args: VoiceConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        name: args.name ?? name,
        awsRegion: args.awsRegion,
        requireEncryption: args.requireEncryption,
        tags: args.tags,
        adoptExistingId: args.adoptExistingId,
        resourceKey: resourceKey('VoiceConnector', name, opts),
        voiceConnectorId: undefined,
        arn: undefined,
        outboundHostName: undefined,
      },
      opts,
      'numberplane',
      'VoiceConnector',
    );
    // The backend id is the resource id: known even in a preview that updates this
    // resource, so dependents referring to it do not see an unknown and plan no change.
    (this as { voiceConnectorId: pulumi.Output<string> }).voiceConnectorId = this.id;
  }
}

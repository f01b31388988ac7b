import * as pulumi from '@pulumi/pulumi';
import type {
  MessageType,
  NumberCapability,
  NumberStatus,
  NumberType,
  ProductType,
} from '../model/enums';
import { resourceKey } from './resource-key';
import provider from './providers/phone-number-provider';

export interface PhoneNumberArgs {
  /** ISO 3166-1 alpha-2 country, e.g. US. Changing it replaces the number. */
  isoCountryCode: pulumi.Input<string>;
  /** LONG_CODE, TOLL_FREE, TEN_DLC, SHORT_CODE or SIMULATOR. Changing it replaces the number. */
  numberType: pulumi.Input<NumberType>;
  /** Non-empty subset of SMS, VOICE, MMS. Changing it replaces the number. */
  numberCapabilities: pulumi.Input<pulumi.Input<NumberCapability>[]>;
  /** TRANSACTIONAL or PROMOTIONAL. Changes in place. */
  messageType?: pulumi.Input<MessageType>;
  /** VoiceConnector or BusinessCalling; only unassigned numbers switch. Changes in place. */
  productType?: pulumi.Input<ProductType>;
  /** Three-digit area code (US, CA). @default the backend's choice. Changing it replaces the number. */
  areaCode?: pulumi.Input<string>;
  /** A protected number is never released. @default false. Changes in place. */
  deletionProtectionEnabled?: pulumi.Input<boolean>;
  /** @default the account's built-in list `Default`. Changes in place. */
  optOutListName?: pulumi.Input<string>;
  /** @default false. Changes in place. */
  selfManagedOptOutsEnabled?: pulumi.Input<boolean>;
  /** Two-way messaging; needs twoWayChannelArn. @default false. Changes in place. */
  twoWayEnabled?: pulumi.Input<boolean>;
  /** Where replies go, when two-way is on. Changes in place. */
  twoWayChannelArn?: pulumi.Input<string>;
  /** 10DLC campaign registration; required for TEN_DLC. Changes in place. */
  registrationId?: pulumi.Input<string>;
  /** Assign the number to this voice connector (needs productType VoiceConnector). Changes in place. */
  voiceConnectorId?: pulumi.Input<string>;
  /** Or to this group (not both). Changes in place. */
  voiceConnectorGroupId?: pulumi.Input<string>;
  /** Create returns once the number is ACTIVE; false returns at PENDING. @default true. */
  waitForActive?: pulumi.Input<boolean>;
  /** Tags. Change in place. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Take over this existing number (by phoneNumberId) instead of claiming one. */
  adoptExistingId?: pulumi.Input<string>;
}

/** A phone number: chosen and claimed in one atomic step, released into the deletion queue. */
export class PhoneNumber extends pulumi.dynamic.Resource {
  /** The backend’s id of the number (`phone-` and 32 hex digits); the resource id. */
  declare public readonly phoneNumberId: pulumi.Output<string>;
  /** The number in E.164 (short codes: their digits). */
  declare public readonly phoneNumber: pulumi.Output<string>;
  /** The number’s ARN. */
  declare public readonly arn: pulumi.Output<string>;
  /** PENDING until provisioned, then ACTIVE. */
  declare public readonly status: pulumi.Output<NumberStatus>;
  /** What the number costs a month, in USD, as the backend prices its type. */
  declare public readonly monthlyLeasingPrice: pulumi.Output<string>;
  /** When the number was claimed (ISO-8601, on the backend’s clock). */
  declare public readonly createdTimestamp: pulumi.Output<string>;
  /** The number’s country, as the backend holds it. */
  declare public readonly isoCountryCode: pulumi.Output<string>;
  /** The kind of number, as the backend holds it. */
  declare public readonly numberType: pulumi.Output<NumberType>;
  /** SMS, VOICE and/or MMS, sorted, as the backend holds them. */
  declare public readonly numberCapabilities: pulumi.Output<NumberCapability[]>;
  /** TRANSACTIONAL or PROMOTIONAL, when set. */
  declare public readonly messageType: pulumi.Output<MessageType | undefined>;
  /** VoiceConnector or BusinessCalling, when set. */
  declare public readonly productType: pulumi.Output<ProductType | undefined>;
  /** The area code the number carries (US, CA); the backend’s choice when none was declared. */
  declare public readonly areaCode: pulumi.Output<string | undefined>;
  /** Whether the backend refuses to release the number. */
  declare public readonly deletionProtectionEnabled: pulumi.Output<boolean>;
  /** The opt-out list the number uses; `Default` unless another was declared. */
  declare public readonly optOutListName: pulumi.Output<string>;
  /** Whether opt-outs are handled by you rather than the backend. */
  declare public readonly selfManagedOptOutsEnabled: pulumi.Output<boolean>;
  /** Whether two-way messaging is on. */
  declare public readonly twoWayEnabled: pulumi.Output<boolean>;
  /** Where replies go when two-way messaging is on. */
  declare public readonly twoWayChannelArn: pulumi.Output<string | undefined>;
  /** The 10DLC campaign registration, when set. */
  declare public readonly registrationId: pulumi.Output<string | undefined>;
  /** The voice connector the number is assigned to, if any. */
  declare public readonly voiceConnectorId: pulumi.Output<string | undefined>;
  /** The voice connector group the number is assigned to, if any. */
  declare public readonly voiceConnectorGroupId: pulumi.Output<string | undefined>;
  /** The number’s tags, as the backend holds them. */
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: PhoneNumberArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        ...args,
        resourceKey: resourceKey('PhoneNumber', name, opts),
        phoneNumberId: undefined,
        phoneNumber: undefined,
        arn: undefined,
        status: undefined,
        monthlyLeasingPrice: undefined,
        createdTimestamp: undefined,
      },
      opts,
      'numberplane',
      'PhoneNumber',
    );
    // The backend id is the resource id: known even in a preview that updates this
    // resource, so dependents referring to it do not see an unknown and plan no change.
    (this as { phoneNumberId: pulumi.Output<string> }).phoneNumberId = this.id;
  }
}

/** Shapes of the simulator's objects, as the API returns them. Times are ISO-8601 strings. */

import type {
  AwsRegion,
  ClaimStatus,
  MessageType,
  NumberCapability,
  NumberStatus,
  NumberType,
  ProductType,
} from '../../model/enums';

export * from '../../model/enums';

export type Tags = Record<string, string>;

export interface PhoneNumber {
  phoneNumberId: string;
  phoneNumber: string;
  arn: string;
  status: NumberStatus;
  claimStatus: ClaimStatus;
  /** Why the claim failed, when claimStatus is FAILED. */
  failureReason: string | null;
  isoCountryCode: string;
  numberType: NumberType;
  numberCapabilities: NumberCapability[];
  /** TRANSACTIONAL unless PROMOTIONAL was asked (Pinpoint 001 L69). */
  messageType: MessageType;
  productType: ProductType | null;
  areaCode: string | null;
  deletionProtectionEnabled: boolean;
  optOutListName: string;
  selfManagedOptOutsEnabled: boolean;
  twoWayEnabled: boolean;
  twoWayChannelArn: string | null;
  registrationId: string | null;
  voiceConnectorId: string | null;
  voiceConnectorGroupId: string | null;
  monthlyLeasingPrice: string;
  tags: Tags;
  createdTimestamp: string;
  /** When a PENDING number becomes ACTIVE. */
  activeAt: string | null;
  /** When a DELETION_QUEUED number is released for good, or a FAILED claim's hold ends. */
  releaseAt: string | null;
}

export interface VoiceConnector {
  voiceConnectorId: string;
  name: string;
  awsRegion: AwsRegion;
  requireEncryption: boolean;
  outboundHostName: string;
  arn: string;
  tags: Tags;
  createdTimestamp: string;
  updatedTimestamp: string;
}

export interface GroupConnector {
  voiceConnectorId: string;
  priority: number;
}

export interface VoiceConnectorGroup {
  voiceConnectorGroupId: string;
  name: string;
  arn: string;
  /** In priority order, 1 (tried first) upwards. */
  connectors: GroupConnector[];
  createdTimestamp: string;
  updatedTimestamp: string;
}

export interface OptOutList {
  optOutListName: string;
  arn: string;
  optedOutCount: number;
  tags: Tags;
  createdTimestamp: string;
}

export interface Account {
  accountId: string;
  name: string;
  numberQuota: number;
  createdTimestamp: string;
}

/** Which stack holds an object (ClaimOwnership); `owner` null when none has claimed it. */
export interface Ownership {
  kind: 'PhoneNumber' | 'VoiceConnector' | 'VoiceConnectorGroup' | 'OptOutList';
  id: string;
  owner: string | null;
  claimedTimestamp: string | null;
}

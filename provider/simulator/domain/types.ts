/** Shapes of the simulator's objects, as the API returns them. Times are ISO-8601 strings. */

export const NUMBER_TYPES = [
  'LONG_CODE',
  'TOLL_FREE',
  'TEN_DLC',
  'SHORT_CODE',
  'SIMULATOR',
] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const NUMBER_CAPABILITIES = ['SMS', 'VOICE', 'MMS'] as const;
export type NumberCapability = (typeof NUMBER_CAPABILITIES)[number];

export const MESSAGE_TYPES = ['TRANSACTIONAL', 'PROMOTIONAL'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const PRODUCT_TYPES = ['VoiceConnector', 'BusinessCalling'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** Pinpoint v2 lifecycle plus Chime's deletion queue. */
export const NUMBER_STATUSES = ['PENDING', 'ACTIVE', 'DELETION_QUEUED', 'FAILED'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** Amazon Connect's claim status. */
export const CLAIM_STATUSES = ['CLAIMED', 'IN_PROGRESS', 'FAILED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const AWS_REGIONS = [
  'us-east-1',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'ap-northeast-2',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;
export type AwsRegion = (typeof AWS_REGIONS)[number];

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
  messageType: MessageType | null;
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

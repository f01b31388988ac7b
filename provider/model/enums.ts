/** The closed sets of values the services define (Pinpoint v2, Chime, Connect). */

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

/** Pinpoint v2 lifecycle plus Chime's deletion queue: what a stored number is, and list filters take. */
export const STORED_NUMBER_STATUSES = ['PENDING', 'ACTIVE', 'DELETION_QUEUED', 'FAILED'] as const;
export type StoredNumberStatus = (typeof STORED_NUMBER_STATUSES)[number];

/**
 * Every status an answer holds: DELETED too, which a release answers for a number released
 * for good (Pinpoint's own status for it); no stored number has it.
 */
export const NUMBER_STATUSES = [...STORED_NUMBER_STATUSES, 'DELETED'] as const;
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

/** The limits and defaults of the rules table (../shared/DESIGN.md), each written once. */

/** Numbers an account holds by default; an admin can raise it (Chime). */
export const DEFAULT_NUMBER_QUOTA = 25;
/** Claims plus releases in the churn window are capped at this multiple of the quota (Connect). */
export const CHURN_CAP_FACTOR = 2;
/** Voice connector groups per account (Chime groups). */
export const MAX_GROUPS_PER_ACCOUNT = 3;
/** Voice connectors per group (Chime groups). */
export const MAX_CONNECTORS_PER_GROUP = 3;
/** Group priorities: 1 is tried first. */
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 99;
/** Tags on one object, and their sizes. */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const MAX_NAME_LENGTH = 256;
export const MAX_ARN_LENGTH = 2048;
export const MAX_REGISTRATION_ID_LENGTH = 64;

/** Every account's built-in opt-out list; numbers use it unless told otherwise. */
export const DEFAULT_OPT_OUT_LIST = 'Default';

const DAY_MS = 86_400_000;
/** A released number waits here and can be restored (Chime). */
export const DELETION_QUEUE_MS = 7 * DAY_MS;
/** A released number is not handed out again for this long (Connect). */
export const COOL_DOWN_MS = 180 * DAY_MS;
/** The rolling window the churn cap counts in (Connect). */
export const CHURN_WINDOW_MS = 180 * DAY_MS;
/** A failed claim keeps its number this long for a retry (Connect). */
export const FAILED_CLAIM_HOLD_MS = DAY_MS;

/** What a setting is when a declaration leaves it out. */
export const DEFAULTS = {
  deletionProtectionEnabled: false,
  optOutListName: DEFAULT_OPT_OUT_LIST,
  selfManagedOptOutsEnabled: false,
  twoWayEnabled: false,
  requireEncryption: true,
  /** Pinpoint 001 L69: "Otherwise, use TRANSACTIONAL". */
  messageType: 'TRANSACTIONAL',
} as const;

/**
 * Versioned schema migrations. Each entry moves the store from version i to i+1 and runs
 * in one transaction with the `user_version` bump; never edit a released migration, add one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE accounts (
    account_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    api_key_hash TEXT NOT NULL UNIQUE,
    number_quota INTEGER NOT NULL CHECK (number_quota >= 0),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE voice_connectors (
    voice_connector_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    name TEXT NOT NULL,
    aws_region TEXT NOT NULL,
    require_encryption INTEGER NOT NULL,
    tags TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX voice_connectors_account ON voice_connectors(account_id);
  CREATE TABLE voice_connector_groups (
    voice_connector_group_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX voice_connector_groups_account ON voice_connector_groups(account_id);
  CREATE TABLE group_connectors (
    voice_connector_group_id TEXT NOT NULL REFERENCES voice_connector_groups(voice_connector_group_id) ON DELETE CASCADE,
    voice_connector_id TEXT NOT NULL REFERENCES voice_connectors(voice_connector_id),
    priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 99),
    PRIMARY KEY (voice_connector_group_id, voice_connector_id),
    UNIQUE (voice_connector_group_id, priority)
  );
  CREATE TABLE opt_out_lists (
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    name TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
  );
  CREATE TABLE opted_out_numbers (
    account_id TEXT NOT NULL,
    list_name TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    opted_out_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, list_name, phone_number),
    FOREIGN KEY (account_id, list_name) REFERENCES opt_out_lists(account_id, name) ON DELETE CASCADE
  );
  CREATE TABLE phone_numbers (
    phone_number_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    phone_number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    claim_status TEXT NOT NULL,
    failure_reason TEXT,
    iso_country_code TEXT NOT NULL,
    number_type TEXT NOT NULL,
    number_capabilities TEXT NOT NULL,
    message_type TEXT,
    product_type TEXT,
    area_code TEXT,
    deletion_protection INTEGER NOT NULL,
    opt_out_list_name TEXT NOT NULL,
    self_managed_opt_outs INTEGER NOT NULL,
    two_way_enabled INTEGER NOT NULL,
    two_way_channel_arn TEXT,
    registration_id TEXT,
    voice_connector_id TEXT REFERENCES voice_connectors(voice_connector_id),
    voice_connector_group_id TEXT REFERENCES voice_connector_groups(voice_connector_group_id),
    monthly_leasing_price TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    active_at INTEGER,
    release_at INTEGER,
    CHECK (voice_connector_id IS NULL OR voice_connector_group_id IS NULL)
  );
  CREATE INDEX phone_numbers_account ON phone_numbers(account_id, created_at);
  CREATE TABLE number_releases (
    phone_number TEXT NOT NULL,
    account_id TEXT NOT NULL,
    released_at INTEGER NOT NULL,
    cool_down_until INTEGER NOT NULL
  );
  CREATE INDEX number_releases_number ON number_releases(phone_number);
  CREATE TABLE churn_events (
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('claim', 'release')),
    at INTEGER NOT NULL
  );
  CREATE INDEX churn_events_account ON churn_events(account_id, at);
  CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    client_token TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    object_id TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, operation, client_token)
  );
  CREATE TABLE due_events (
    event_id INTEGER PRIMARY KEY AUTOINCREMENT,
    due_at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL
  );
  CREATE INDEX due_events_due ON due_events(due_at, event_id);
  CREATE TABLE faults (
    fault_id INTEGER PRIMARY KEY AUTOINCREMENT,
    operation TEXT NOT NULL,
    kind TEXT NOT NULL,
    rate REAL,
    nth INTEGER,
    latency_ms INTEGER,
    retry_after_seconds INTEGER,
    remaining INTEGER,
    calls INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE region_outages (aws_region TEXT PRIMARY KEY, since INTEGER NOT NULL);
  `,
];

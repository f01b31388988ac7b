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
  // 2: the store at 10,000 numbers. Lists page by key (creation time, then id) down one
  // index each; every lookup that scanned a table gets an index (partial where most rows
  // have nothing to find: unassigned numbers, numbers on the built-in Default list); the
  // inventory count and the churn window are kept as counts by triggers, so a claim costs
  // the same at any size.
  `
  DROP INDEX phone_numbers_account;
  CREATE INDEX phone_numbers_page ON phone_numbers(account_id, created_at, phone_number_id);
  DROP INDEX voice_connectors_account;
  CREATE INDEX voice_connectors_page ON voice_connectors(account_id, created_at, voice_connector_id);
  DROP INDEX voice_connector_groups_account;
  CREATE INDEX voice_connector_groups_page
    ON voice_connector_groups(account_id, created_at, voice_connector_group_id);
  CREATE INDEX opt_out_lists_page ON opt_out_lists(account_id, created_at, name);
  CREATE INDEX phone_numbers_connector ON phone_numbers(voice_connector_id)
    WHERE voice_connector_id IS NOT NULL;
  CREATE INDEX phone_numbers_group ON phone_numbers(voice_connector_group_id)
    WHERE voice_connector_group_id IS NOT NULL;
  CREATE INDEX phone_numbers_opt_out_list ON phone_numbers(account_id, opt_out_list_name)
    WHERE opt_out_list_name != 'Default';
  CREATE INDEX group_connectors_connector ON group_connectors(voice_connector_id);
  CREATE INDEX due_events_subject ON due_events(subject);

  CREATE TABLE inventory_counts (
    account_id TEXT PRIMARY KEY,
    held INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO inventory_counts (account_id, held)
    SELECT account_id, COUNT(*) FROM phone_numbers WHERE status != 'FAILED' GROUP BY account_id;
  CREATE TRIGGER phone_numbers_held_insert AFTER INSERT ON phone_numbers
    WHEN NEW.status != 'FAILED'
  BEGIN
    INSERT INTO inventory_counts (account_id, held) VALUES (NEW.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET held = held + 1;
  END;
  CREATE TRIGGER phone_numbers_held_delete AFTER DELETE ON phone_numbers
    WHEN OLD.status != 'FAILED'
  BEGIN
    UPDATE inventory_counts SET held = held - 1 WHERE account_id = OLD.account_id;
  END;
  CREATE TRIGGER phone_numbers_held_update AFTER UPDATE OF status, account_id ON phone_numbers
    WHEN (OLD.status != 'FAILED') != (NEW.status != 'FAILED') OR OLD.account_id != NEW.account_id
  BEGIN
    UPDATE inventory_counts SET held = held - 1
      WHERE account_id = OLD.account_id AND OLD.status != 'FAILED';
    INSERT INTO inventory_counts (account_id, held)
      SELECT NEW.account_id, 1 WHERE NEW.status != 'FAILED'
      ON CONFLICT (account_id) DO UPDATE SET held = held + 1;
  END;

  CREATE TABLE churn_days (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
  ) WITHOUT ROWID;
  INSERT INTO churn_days (account_id, day, n)
    SELECT account_id, CAST(at / 86400000 AS INTEGER), COUNT(*) FROM churn_events GROUP BY 1, 2;
  CREATE TRIGGER churn_events_day_insert AFTER INSERT ON churn_events
  BEGIN
    INSERT INTO churn_days (account_id, day, n)
      VALUES (NEW.account_id, CAST(NEW.at / 86400000 AS INTEGER), 1)
      ON CONFLICT (account_id, day) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER churn_events_day_delete AFTER DELETE ON churn_events
  BEGIN
    UPDATE churn_days SET n = n - 1
      WHERE account_id = OLD.account_id AND day = CAST(OLD.at / 86400000 AS INTEGER);
  END;
  `,
  // 3: the inventory quota counts what the account holds or has ordered (ACTIVE, PENDING),
  // not numbers in the deletion queue: Chime keeps the queue apart from the Inventory, and
  // Connect lets a release make room for a claim (provider/simulator/RULES.md).
  `
  DROP TRIGGER phone_numbers_held_insert;
  DROP TRIGGER phone_numbers_held_delete;
  DROP TRIGGER phone_numbers_held_update;
  DELETE FROM inventory_counts;
  INSERT INTO inventory_counts (account_id, held)
    SELECT account_id, COUNT(*) FROM phone_numbers
      WHERE status NOT IN ('FAILED', 'DELETION_QUEUED') GROUP BY account_id;
  CREATE TRIGGER phone_numbers_held_insert AFTER INSERT ON phone_numbers
    WHEN NEW.status NOT IN ('FAILED', 'DELETION_QUEUED')
  BEGIN
    INSERT INTO inventory_counts (account_id, held) VALUES (NEW.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET held = held + 1;
  END;
  CREATE TRIGGER phone_numbers_held_delete AFTER DELETE ON phone_numbers
    WHEN OLD.status NOT IN ('FAILED', 'DELETION_QUEUED')
  BEGIN
    UPDATE inventory_counts SET held = held - 1 WHERE account_id = OLD.account_id;
  END;
  CREATE TRIGGER phone_numbers_held_update AFTER UPDATE OF status, account_id ON phone_numbers
    WHEN (OLD.status NOT IN ('FAILED', 'DELETION_QUEUED'))
           != (NEW.status NOT IN ('FAILED', 'DELETION_QUEUED'))
      OR OLD.account_id != NEW.account_id
  BEGIN
    UPDATE inventory_counts SET held = held - 1
      WHERE account_id = OLD.account_id AND OLD.status NOT IN ('FAILED', 'DELETION_QUEUED');
    INSERT INTO inventory_counts (account_id, held)
      SELECT NEW.account_id, 1 WHERE NEW.status NOT IN ('FAILED', 'DELETION_QUEUED')
      ON CONFLICT (account_id) DO UPDATE SET held = held + 1;
  END;
  `,
  // 4: which stack holds an object (ClaimOwnership), so a second stack cannot adopt it; an
  // object's claim goes with the object.
  `
  CREATE TABLE IF NOT EXISTS owners (
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, object_id)
  ) WITHOUT ROWID;
  CREATE TRIGGER IF NOT EXISTS phone_numbers_owner_delete AFTER DELETE ON phone_numbers
  BEGIN
    DELETE FROM owners WHERE account_id = OLD.account_id AND kind = 'PhoneNumber'
      AND object_id = OLD.phone_number_id;
  END;
  CREATE TRIGGER IF NOT EXISTS voice_connectors_owner_delete AFTER DELETE ON voice_connectors
  BEGIN
    DELETE FROM owners WHERE account_id = OLD.account_id AND kind = 'VoiceConnector'
      AND object_id = OLD.voice_connector_id;
  END;
  CREATE TRIGGER IF NOT EXISTS voice_connector_groups_owner_delete AFTER DELETE ON voice_connector_groups
  BEGIN
    DELETE FROM owners WHERE account_id = OLD.account_id AND kind = 'VoiceConnectorGroup'
      AND object_id = OLD.voice_connector_group_id;
  END;
  CREATE TRIGGER IF NOT EXISTS opt_out_lists_owner_delete AFTER DELETE ON opt_out_lists
  BEGIN
    DELETE FROM owners WHERE account_id = OLD.account_id AND kind = 'OptOutList'
      AND object_id = OLD.name;
  END;
  `,
  // 5: the AWS dialects. Amazon Connect claims a number into a target (an instance or a
  // traffic distribution group); Chime orders numbers, and an order keeps what it asked for.
  `
  ALTER TABLE phone_numbers ADD COLUMN target_arn TEXT;
  CREATE TABLE IF NOT EXISTS phone_number_orders (
    order_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(account_id),
    product_type TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS phone_number_orders_account ON phone_number_orders(account_id, created_at);
  CREATE TABLE IF NOT EXISTS phone_number_order_numbers (
    order_id TEXT NOT NULL REFERENCES phone_number_orders(order_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    phone_number TEXT NOT NULL,
    phone_number_id TEXT,
    failure_reason TEXT,
    PRIMARY KEY (order_id, phone_number)
  ) WITHOUT ROWID;
  `,
];

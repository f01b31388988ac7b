import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../api/default-keys';
import { SimulatorError } from '../../api/errors';
import type { FaultPlan } from '../domain/faults';
import {
  findAccountByKey,
  findAccountByName,
  findAccountRow,
  hashApiKey,
  type AccountRow,
} from '../store/accounts';
import { openDatabase, type Db } from '../store/database';
import { ADMIN_KEY_SETTING, readSetting, writeSetting } from '../store/settings';
import { ADMIN_OPERATIONS, type AdminContext } from './admin-operations';
import {
  type AccountOperationName,
  type AccountOperationResult,
  type AdminInput,
  type AdminOperationName,
  type AdminOperationResult,
  isAccountOperation,
  isAdminOperation,
  type OperationInput,
} from '../../api/operations';
import { insertAccount, listAccounts, resolveAccount } from './accounts';
import { initClock, virtualNow } from './clock';
import type { OperationContext } from './context';
import { runDueEvents } from './due-events';
import { planFaults } from './faults';
import { ACCOUNT_OPERATIONS } from './operations';
import { clearState } from './state-transfer';

export interface SimulatorOptions {
  /** SQLite file, or `:memory:`. */
  path: string;
  /** Real time source (ms since epoch); tests may pin it. */
  realNow?: () => number;
  /** API key of the `default` account made in a new store. */
  bootstrapApiKey?: string;
  /** Admin key set in a new store. */
  adminApiKey?: string;
  /**
   * Other machines can connect (`serve` beyond loopback): no operation may make the store
   * accept a well-known default key, and opening a store that does fails.
   */
  exposed?: boolean;
}

type KeyVariable = 'NUMBERPLANE_API_KEY' | 'NUMBERPLANE_ADMIN_KEY';

/** What the store keeps of its keys: their hashes, which a reset keeps too. */
interface StoreKeys {
  apiKeyHash: string;
  adminKeyHash: string;
}

/** The store would accept a well-known default key while other machines can connect. */
export class WellKnownKeysRefused extends SimulatorError {
  constructor(readonly keys: KeyVariable[]) {
    super(
      'ValidationException',
      `this server takes connections from other machines, and the store would accept the well-known default ${keys.join(' and ')}, which anyone may know: keep keys of your own`,
    );
  }
}

export interface InvokeResult<T> {
  value: T;
  /** The adapter must drop the connection instead of answering (the work is committed). */
  resetAfterCommit: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One simulator: the rules over one store. Adapters (HTTP server, embedded client, CLI)
 * call `invoke` for account operations and the admin methods for everything else.
 */
export class Simulator implements AdminContext {
  readonly db: Db;
  private readonly realClock: () => number;
  private readonly bootstrapKeys: StoreKeys;
  private readonly exposed: boolean;

  private constructor(db: Db, options: SimulatorOptions) {
    this.db = db;
    this.realClock = options.realNow ?? Date.now;
    this.exposed = options.exposed ?? false;
    this.bootstrapKeys = {
      apiKeyHash: hashApiKey(options.bootstrapApiKey ?? DEFAULT_API_KEY),
      adminKeyHash: hashApiKey(options.adminApiKey ?? DEFAULT_ADMIN_KEY),
    };
    this.transaction(() => this.bootstrap(this.bootstrapKeys));
  }

  /** Opens (and if new, bootstraps) a store; fails, writing nothing, if it may not be served so. */
  static open(options: SimulatorOptions): Simulator {
    const db = openDatabase(options.path);
    try {
      return new Simulator(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A new (or reset) store gets a clock, an admin key and a `default` account (in a transaction). */
  private bootstrap(keys: StoreKeys): void {
    initClock(this.db, this.realNow());
    if (!readSetting(this.db, ADMIN_KEY_SETTING)) {
      writeSetting(this.db, ADMIN_KEY_SETTING, keys.adminKeyHash);
    }
    if (listAccounts(this.db).length === 0) {
      insertAccount(this.db, 'default', keys.apiKeyHash, this.now());
    }
    this.refuseWellKnownKeys();
  }

  /** Keys a caller may not install: the well-known defaults, once other machines can connect. */
  refusedKeys(): ReadonlySet<string> {
    return this.exposed ? new Set([DEFAULT_API_KEY, DEFAULT_ADMIN_KEY]) : new Set();
  }

  /** Fails (so the transaction it runs in changes nothing) if an exposed store accepts a default key. */
  refuseWellKnownKeys(): void {
    if (!this.exposed) return;
    const accepted = this.defaultKeysAccepted();
    if (accepted.length > 0) throw new WellKnownKeysRefused(accepted);
  }

  /** Runs `work` in one IMMEDIATE transaction: other writers wait, and it commits whole or not at all. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Real time now, ms since epoch (pinned in some tests). */
  realNow(): number {
    return this.realClock();
  }

  /** Virtual time now, ms since epoch. */
  now(): number {
    return virtualNow(this.db, this.realNow());
  }

  /** Which of the well-known default keys this store still accepts (anyone may know them). */
  defaultKeysAccepted(): KeyVariable[] {
    const accepted: KeyVariable[] = [];
    if (findAccountByKey(this.db, DEFAULT_API_KEY)) accepted.push('NUMBERPLANE_API_KEY');
    if (readSetting<string>(this.db, ADMIN_KEY_SETTING) === hashApiKey(DEFAULT_ADMIN_KEY)) {
      accepted.push('NUMBERPLANE_ADMIN_KEY');
    }
    return accepted;
  }

  /** The account an API key belongs to; AccessDeniedException otherwise. */
  authenticate(apiKey: string | undefined): AccountRow {
    if (!apiKey) {
      throw new SimulatorError(
        'AccessDeniedException',
        'no API key was sent; send it in the x-api-key header (or set NUMBERPLANE_API_KEY)',
      );
    }
    const account = findAccountByKey(this.db, apiKey);
    if (!account) {
      throw new SimulatorError(
        'AccessDeniedException',
        'the API key is not valid for any account; check numberplane:apiKey or NUMBERPLANE_API_KEY',
      );
    }
    return account;
  }

  authenticateAdmin(adminKey: string | undefined): void {
    const stored = readSetting<unknown>(this.db, ADMIN_KEY_SETTING);
    const expected = typeof stored === 'string' ? stored : '';
    const given = Buffer.from(hashApiKey(adminKey ?? ''));
    const wanted = Buffer.from(expected);
    if (
      !adminKey ||
      wanted.length === 0 ||
      given.length !== wanted.length ||
      !timingSafeEqual(given, wanted)
    ) {
      throw new SimulatorError(
        'AccessDeniedException',
        'the admin surface needs the admin key in the x-admin-key header (or NUMBERPLANE_ADMIN_KEY)',
      );
    }
  }

  /** Runs one account operation in one transaction, after everything that has fallen due. */
  execute<N extends AccountOperationName>(
    account: AccountRow,
    operation: N,
    input: OperationInput,
    plan?: Pick<FaultPlan, 'claimFailure'>,
  ): AccountOperationResult<N> {
    return this.transaction(() => {
      const now = this.now();
      runDueEvents(this.db, now);
      // Re-read the account inside the lock: an admin may just have changed its quota.
      const fresh = findAccountRow(this.db, account.account_id) ?? account;
      const ctx: OperationContext = {
        db: this.db,
        now,
        account: fresh,
        claimFailure: plan?.claimFailure ?? false,
      };
      return ACCOUNT_OPERATIONS[operation](ctx, input) as AccountOperationResult<N>;
    });
  }

  /**
   * What an API call does: authenticate, apply injected faults (counted even when they
   * fail the call), wait out injected latency, run the operation. `caller.account` is set to
   * the account's name once the key is known, so a failed call can still be logged with it.
   */
  async invoke<N extends AccountOperationName>(
    apiKey: string | undefined,
    operation: N,
    input: OperationInput = {},
    caller: { account?: string } = {},
  ): Promise<InvokeResult<AccountOperationResult<N>>> {
    if (!isAccountOperation(operation)) {
      throw new SimulatorError('ValidationException', `unknown operation ${String(operation)}`);
    }
    const account = this.authenticate(apiKey);
    caller.account = account.name;
    const plan = this.transaction(() => planFaults(this.db, operation));
    if (plan.error) throw plan.error;
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const value = this.execute(account, operation, input, plan);
    return { value, resetAfterCommit: plan.resetAfterCommit };
  }

  /** An out-of-band edit: an account operation made as a person in the console would, no faults. */
  invokeAs<N extends AccountOperationName>(
    accountIdOrName: string,
    operation: N,
    input: OperationInput = {},
  ): AccountOperationResult<N> {
    const account = resolveAccount(this.db, accountIdOrName);
    return this.execute(account, operation, input);
  }

  // Admin surface ---------------------------------------------------------------------------

  /** Runs one admin operation by name after checking the admin key. */
  invokeAdmin<N extends AdminOperationName>(
    adminKey: string | undefined,
    operation: N,
    input: AdminInput = {},
  ): AdminOperationResult<N> {
    this.authenticateAdmin(adminKey);
    if (!isAdminOperation(operation)) {
      throw new SimulatorError(
        'ValidationException',
        `unknown admin operation ${String(operation)}`,
      );
    }
    return ADMIN_OPERATIONS[operation](this, input) as AdminOperationResult<N>;
  }

  /**
   * Empties the store and bootstraps it again with the keys it had (not the ones this
   * process was started with, which are for a new store and may be unset).
   */
  reset(): void {
    this.transaction(() => {
      const admin = readSetting<unknown>(this.db, ADMIN_KEY_SETTING);
      const kept: StoreKeys = {
        adminKeyHash: typeof admin === 'string' ? admin : this.bootstrapKeys.adminKeyHash,
        apiKeyHash:
          findAccountByName(this.db, 'default')?.api_key_hash ?? this.bootstrapKeys.apiKeyHash,
      };
      clearState(this.db);
      this.bootstrap(kept);
    });
  }
}

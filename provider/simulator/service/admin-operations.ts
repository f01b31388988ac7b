import { validation } from '../../api/errors';
import type { Db } from '../store/database';
import { createAccount, listAccounts, updateAccount } from './accounts';
import { changeClock, describeClock } from './clock';
import { addFault, clearFaults, listFaults } from './faults';
import {
  isAccountOperation,
  type AccountOperationName,
  type AdminInput,
  type AdminOperationName,
  type AdminOperationResult,
  type OperationInput,
} from '../../api/operations';
import { describeSettings, endOutage, listOutages, startOutage, updateSettings } from './settings';
import { exportState, importState } from './state-transfer';

/** What an admin operation may use of the simulator it runs in. */
export interface AdminContext {
  readonly db: Db;
  /** Real time now, ms since epoch: the clock is anchored to it. */
  realNow(): number;
  /** Virtual time now, ms since epoch. */
  now(): number;
  /** Runs `work` in one IMMEDIATE transaction. */
  transaction<T>(work: () => T): T;
  /** An account operation made as that account, as a console user would (no faults). */
  invokeAs(account: string, operation: AccountOperationName, input: OperationInput): unknown;
  /** Empties the store and bootstraps it again with the same keys. */
  reset(): void;
  /** Keys no account may be given here (the well-known defaults, beyond loopback). */
  refusedKeys(): ReadonlySet<string>;
  /** Fails if the store accepts a well-known default key where it may not. */
  refuseWellKnownKeys(): void;
}

/** How the service runs each admin operation of the contract: its result type is the contract's. */
type AdminHandlers = {
  [N in AdminOperationName]: (ctx: AdminContext, input: AdminInput) => AdminOperationResult<N>;
};
const admin = <T>(handler: (ctx: AdminContext, input: AdminInput) => T) => handler;

function requireId(input: AdminInput, what: string): string {
  if (typeof input.id !== 'string' || input.id.length === 0)
    throw validation(`${what} is required`);
  return input.id;
}

/** A fault rule's id as the path gives it: a whole number, or no id (every rule). */
function faultId(input: AdminInput): number | undefined {
  if (input.id === undefined) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(input.id)) {
    throw validation(
      `fault id "${input.id}" is not a fault id; use the faultId of a rule (a whole number, see ListFaults)`,
    );
  }
  return Number(input.id);
}

/** Everything the admin key may do, by name; the HTTP admin routes and the CLI map onto these. */
export const ADMIN_OPERATIONS = {
  ListAccounts: admin((c) => listAccounts(c.db)),
  CreateAccount: admin((c, i) =>
    c.transaction(() => createAccount(c.db, i.body, c.now(), c.refusedKeys())),
  ),
  UpdateAccount: admin((c, i) =>
    c.transaction(() => updateAccount(c.db, requireId(i, 'account id or name'), i.body)),
  ),
  GetClock: admin((c) => describeClock(c.db, c.realNow())),
  ChangeClock: admin((c, i) => c.transaction(() => changeClock(c.db, i.body, c.realNow()))),
  GetSettings: admin((c) => describeSettings(c.db)),
  UpdateSettings: admin((c, i) => c.transaction(() => updateSettings(c.db, i.body))),
  ListFaults: admin((c) => listFaults(c.db)),
  AddFault: admin((c, i) => c.transaction(() => addFault(c.db, i.body))),
  ClearFaults: admin((c, i) => ({
    cleared: c.transaction(() => clearFaults(c.db, faultId(i))),
  })),
  ListOutages: admin((c) => listOutages(c.db)),
  StartOutage: admin((c, i) => c.transaction(() => startOutage(c.db, i.body, c.now()))),
  EndOutage: admin((c, i) => c.transaction(() => endOutage(c.db, requireId(i, 'awsRegion')))),
  ExportState: admin((c) => c.transaction(() => exportState(c.db, c.now()))),
  ImportState: admin((c, i) =>
    c.transaction(() => {
      const loaded = importState(c.db, i.body);
      c.refuseWellKnownKeys();
      return loaded;
    }),
  ),
  ResetState: admin((c) => {
    c.reset();
    return { reset: true };
  }),
  /** An out-of-band edit: run an account operation as that account, as a console user would. */
  InvokeAs: admin((c, i) => {
    const body = (i.body ?? {}) as { operation?: unknown; input?: unknown };
    const operation = body.operation;
    if (typeof operation !== 'string' || !isAccountOperation(operation)) {
      throw validation(
        `operation ${JSON.stringify(operation ?? '')} is not an account operation; use e.g. UpdatePhoneNumber`,
      );
    }
    const input = body.input ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw validation('input must be an object such as { "id": "...", "body": { ... } }');
    }
    return c.invokeAs(requireId(i, 'account id or name'), operation, input as OperationInput);
  }),
} satisfies AdminHandlers;

import { validation } from '../domain/errors';
import { isAccountOperation, type OperationInput } from './operations';
import type { Simulator } from './simulator';

/** The input of an admin operation: an id (account, fault, region) and a JSON body. */
export interface AdminInput {
  readonly id?: string;
  readonly body?: unknown;
}

type AdminHandler<T> = (simulator: Simulator, input: AdminInput) => T;
const admin = <T>(handler: AdminHandler<T>): AdminHandler<T> => handler;

function requireId(input: AdminInput, what: string): string {
  if (typeof input.id !== 'string' || input.id.length === 0)
    throw validation(`${what} is required`);
  return input.id;
}

/** Everything the admin key may do, by name; the HTTP admin routes and the CLI map onto these. */
export const ADMIN_OPERATIONS = {
  ListAccounts: admin((s) => s.listAccounts()),
  CreateAccount: admin((s, i) => s.createAccount(i.body)),
  UpdateAccount: admin((s, i) => s.updateAccount(requireId(i, 'account id or name'), i.body)),
  GetClock: admin((s) => s.clock()),
  ChangeClock: admin((s, i) => s.changeClock(i.body)),
  GetSettings: admin((s) => s.settings()),
  UpdateSettings: admin((s, i) => s.updateSettings(i.body)),
  ListFaults: admin((s) => s.faults()),
  AddFault: admin((s, i) => s.addFault(i.body)),
  ClearFaults: admin((s, i) => s.clearFaults(i.id === undefined ? undefined : Number(i.id))),
  ListOutages: admin((s) => s.outages()),
  StartOutage: admin((s, i) => s.startOutage(i.body)),
  EndOutage: admin((s, i) => s.endOutage(requireId(i, 'awsRegion'))),
  ExportState: admin((s) => s.exportState()),
  ImportState: admin((s, i) => s.importState(i.body)),
  ResetState: admin((s) => {
    s.resetState();
    return { reset: true };
  }),
  /** An out-of-band edit: run an account operation as that account, as a console user would. */
  InvokeAs: admin((s, i) => {
    const body = (i.body ?? {}) as { operation?: unknown; input?: unknown };
    const operation = String(body.operation ?? '');
    if (!isAccountOperation(operation)) {
      throw validation(
        `operation "${operation}" is not an account operation; use e.g. UpdatePhoneNumber`,
      );
    }
    const input = body.input ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw validation('input must be an object such as { "id": "...", "body": { ... } }');
    }
    return s.invokeAs(requireId(i, 'account id or name'), operation, input as OperationInput);
  }),
};

export type AdminOperationName = keyof typeof ADMIN_OPERATIONS;
export type AdminOperationResult<N extends AdminOperationName> = ReturnType<
  (typeof ADMIN_OPERATIONS)[N]
>;

export function isAdminOperation(name: string): name is AdminOperationName {
  return Object.prototype.hasOwnProperty.call(ADMIN_OPERATIONS, name);
}

import type {
  AccountOperationName,
  AccountOperationResult,
  AdminInput,
  AdminOperationName,
  AdminOperationResult,
  OperationInput,
} from '../api/operations';

/**
 * How anything (the provider, the CLI, tests) talks to a simulator, whichever way it
 * runs: in-process on a SQLite file, or over HTTP. Failures are SimulatorErrors (the
 * service's own codes) or TransportErrors (the connection itself).
 */
export interface SimulatorClient {
  /** Calls an account operation with this client's API key. */
  call<N extends AccountOperationName>(
    operation: N,
    input?: OperationInput,
  ): Promise<AccountOperationResult<N>>;
  /** Calls an admin operation with this client's admin key. */
  admin<N extends AdminOperationName>(
    operation: N,
    input?: AdminInput,
  ): Promise<AdminOperationResult<N>>;
  close(): Promise<void>;
}

const BRAND = 'numberplane.TransportError';

/** The connection failed: reset (possibly after the server committed), refused, or timed out. */
export class TransportError extends Error {
  readonly brand = BRAND;
  constructor(
    readonly kind: 'reset' | 'unreachable' | 'timeout' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  static isInstance(value: unknown): value is TransportError {
    return (
      typeof value === 'object' && value !== null && (value as { brand?: unknown }).brand === BRAND
    );
  }
}

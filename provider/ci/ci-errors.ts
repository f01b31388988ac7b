/**
 * Why a CI command could not start: a usage error (`reason: 'usage'`: a missing or
 * conflicting flag, no project) or a stack held by another run (`'stack-locked'`). Their
 * own errors, not the simulator's: nothing reached the simulator. Printed as one line.
 */
export class CiError extends Error {
  readonly brand = 'numberplane.CiError';
  constructor(
    readonly reason: 'usage' | 'stack-locked',
    message: string,
  ) {
    super(message);
    this.name = 'CiError';
  }

  static isInstance(value: unknown): value is CiError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === 'numberplane.CiError'
    );
  }
}

export const ciUsage = (message: string): CiError => new CiError('usage', message);

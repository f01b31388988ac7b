/**
 * A command line the numberplane command cannot run: an unknown command or flag, a
 * missing argument, a value in the wrong form. Its own error, not the simulator's
 * `ValidationException`: nothing reached the simulator. Printed as one line.
 */
export class CliUsageError extends Error {
  readonly brand = 'numberplane.CliUsageError';
  readonly reason = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }

  static isInstance(value: unknown): value is CliUsageError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === 'numberplane.CliUsageError'
    );
  }
}

export const usage = (message: string): CliUsageError => new CliUsageError(message);

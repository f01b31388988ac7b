import { resolve } from 'node:path';
import { Simulator } from '../simulator/service/simulator';
import type {
  AccountOperationName,
  AccountOperationResult,
  AdminInput,
  AdminOperationName,
  AdminOperationResult,
  OperationInput,
} from '../api/operations';
import { TransportError, type SimulatorClient } from './simulator-client';

/** `file:relative/or/absolute.db` → an absolute path (or `:memory:`). */
export function pathOfFileEndpoint(endpoint: string, cwd: string = process.cwd()): string {
  const path = endpoint.replace(/^file:(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(cwd, path);
}

/**
 * The simulator in this process, on a SQLite file that other processes may share. Results
 * go through JSON like an HTTP answer would, so callers never hold live store objects.
 */
export class EmbeddedClient implements SimulatorClient {
  constructor(
    readonly simulator: Simulator,
    private readonly keys: { apiKey?: string; adminKey?: string },
    private readonly ownsSimulator: boolean,
  ) {}

  static open(endpoint: string, keys: { apiKey?: string; adminKey?: string }): EmbeddedClient {
    return new EmbeddedClient(Simulator.open({ path: pathOfFileEndpoint(endpoint) }), keys, true);
  }

  async call<N extends AccountOperationName>(
    operation: N,
    input: OperationInput = {},
  ): Promise<AccountOperationResult<N>> {
    const result = await this.simulator.invoke(this.keys.apiKey, operation, input);
    if (result.resetAfterCommit) {
      throw new TransportError('reset', `connection reset during ${operation} (injected fault)`);
    }
    return JSON.parse(JSON.stringify(result.value)) as AccountOperationResult<N>;
  }

  async admin<N extends AdminOperationName>(
    operation: N,
    input: AdminInput = {},
  ): Promise<AdminOperationResult<N>> {
    const value = this.simulator.invokeAdmin(this.keys.adminKey, operation, input);
    return JSON.parse(JSON.stringify(value ?? null)) as AdminOperationResult<N>;
  }

  async close(): Promise<void> {
    if (this.ownsSimulator) this.simulator.close();
  }
}

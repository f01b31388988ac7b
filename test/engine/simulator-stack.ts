import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpClient } from '../../provider/client/http-client';
import type {
  StackOperationRequest,
  StackOperationResult,
} from '../../provider/engine/stack-operation';
import { buildApp } from '../../provider/simulator/http/build-app';
import {
  DEFAULT_ADMIN_KEY,
  DEFAULT_API_KEY,
  Simulator,
} from '../../provider/simulator/service/simulator';
import {
  createThrowawayStack,
  type ThrowawayStack,
  type ThrowawayStackOptions,
} from './throwaway-stack';

export type StackConfig = NonNullable<StackOperationRequest['config']>;
type RunOptions = { refresh?: boolean; expectNoChanges?: boolean; remove?: boolean };

/** A throwaway stack of a project whose provider talks to a simulator served over HTTP. */
export interface SimulatorStack {
  readonly stack: ThrowawayStack;
  /** The stack's account, as the provider sees it. */
  readonly client: HttpClient;
  /** The admin surface: out-of-band edits, clock, faults. */
  readonly admin: HttpClient;
  readonly simulator: Simulator;
  run(
    operation: StackOperationRequest['operation'],
    config: StackConfig,
    options?: RunOptions,
  ): Promise<StackOperationResult>;
  /** Edits as a console user would (drift). */
  outOfBand: HttpClient['call'];
  close(): Promise<void>;
}

export async function startSimulatorStack(
  project: string,
  options: { apiKey?: string } & ThrowawayStackOptions = {},
): Promise<SimulatorStack> {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-engine-sim-'));
  const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  const app: FastifyInstance = buildApp({ simulator });
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  const stack = createThrowawayStack(project, options);
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const account = apiKey === DEFAULT_API_KEY ? 'default' : 'tenant';
  if (account === 'tenant') {
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'CreateAccount', { body: { name: account, apiKey } });
  }
  const client = new HttpClient({ endpoint, apiKey });
  const admin = new HttpClient({ endpoint, adminKey: DEFAULT_ADMIN_KEY });
  const connection: StackConfig = {
    'numberplane:endpoint': { value: endpoint },
    'numberplane:apiKey': { value: apiKey, secret: true },
  };
  return {
    stack,
    client,
    admin,
    simulator,
    run: (operation, config, runOptions = {}) => {
      const request = { config: { ...connection, ...config }, ...runOptions };
      switch (operation) {
        case 'up':
          return stack.up(request);
        case 'preview':
          return stack.preview(request);
        case 'refresh':
          return stack.refresh(request);
        case 'destroy':
          return stack.destroy(request);
        case 'export':
          return stack.exportDeployment();
      }
    },
    outOfBand: ((operation, input) =>
      admin.admin('InvokeAs', { id: account, body: { operation, input } })) as HttpClient['call'],
    async close() {
      stack.cleanup();
      await app.close();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

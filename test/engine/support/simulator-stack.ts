import type { HttpClient } from '../../../provider/client/http-client';
import type {
  StackOperationRequest,
  StackOperationResult,
} from '../../../provider/engine/stack-operation';
import type { Simulator } from '../../../provider/simulator/service/simulator';
import { startHttpSimulator } from './http-simulator';
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
  const { close, endpoint, apiKey, ...served } = await startHttpSimulator(options);
  const stack = createThrowawayStack(project, options);
  const connection: StackConfig = {
    'numberplane:endpoint': { value: endpoint },
    'numberplane:apiKey': { value: apiKey, secret: true },
  };
  return {
    ...served,
    stack,
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
    async close() {
      stack.cleanup();
      await close();
    },
  };
}

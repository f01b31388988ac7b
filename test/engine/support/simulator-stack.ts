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
  /** Another stack of the same project on the same simulator and account (a second environment). */
  another(stackName: string): SimulatorStack;
  close(): Promise<void>;
}

/** Runs the stack's operations with the simulator's endpoint and key in its config. */
function runner(stack: ThrowawayStack, connection: StackConfig): SimulatorStack['run'] {
  return (operation, config, runOptions = {}) => {
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
  };
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
  const another = (stackName: string): SimulatorStack => {
    const second = createThrowawayStack(project, { ...options, stackName });
    return {
      ...served,
      stack: second,
      run: runner(second, connection),
      another,
      close: async () => second.cleanup(),
    };
  };
  return {
    ...served,
    stack,
    run: runner(stack, connection),
    another,
    async close() {
      stack.cleanup();
      await close();
    },
  };
}

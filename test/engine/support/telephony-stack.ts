import type { StackOperationResult } from '../../../provider/engine/stack-operation';
import { startSimulatorStack, type SimulatorStack } from './simulator-stack';
import type { ThrowawayStackOptions } from './throwaway-stack';

/** What the telephony test program declares; entries refer to each other by key. */
export interface TelephonySpec {
  connectors?: Record<string, Record<string, unknown>>;
  groups?: Record<
    string,
    { connectors: { connector: string; priority: number }[]; [key: string]: unknown }
  >;
  optOutLists?: Record<string, Record<string, unknown>>;
  numbers?: Record<string, Record<string, unknown>>;
}

type RunOptions = { refresh?: boolean; expectNoChanges?: boolean };

/** test/engine/projects/telephony, driven by a JSON spec in stack config. */
export interface TelephonyStack extends Omit<SimulatorStack, 'run' | 'another'> {
  up(spec: TelephonySpec, options?: RunOptions): Promise<StackOperationResult>;
  preview(spec: TelephonySpec, options?: RunOptions): Promise<StackOperationResult>;
  refresh(): Promise<StackOperationResult>;
  destroy(): Promise<StackOperationResult>;
  /** Another stack of the program on the same simulator and account (closed on its own). */
  another(stackName: string): TelephonyStack;
}

export async function startTelephonyStack(
  options: { apiKey?: string } & ThrowawayStackOptions = {},
): Promise<TelephonyStack> {
  return telephony(await startSimulatorStack('test/engine/projects/telephony', options));
}

function telephony(base: SimulatorStack): TelephonyStack {
  const config = (spec: TelephonySpec) => ({ 'telephony:spec': { value: JSON.stringify(spec) } });
  let lastSpec: TelephonySpec = {};
  return {
    ...base,
    up: (spec, runOptions) => {
      lastSpec = spec;
      return base.run('up', config(spec), runOptions);
    },
    preview: (spec, runOptions) => {
      lastSpec = spec;
      return base.run('preview', config(spec), runOptions);
    },
    refresh: () => base.run('refresh', config(lastSpec)),
    destroy: () => base.run('destroy', config(lastSpec)),
    another: (stackName) => telephony(base.another(stackName)),
  };
}

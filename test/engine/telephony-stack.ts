import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpClient } from '../../provider/client/http-client';
import type { StackOperationResult } from '../../provider/engine/stack-operation';
import { buildApp } from '../../provider/simulator/http/build-app';
import {
  DEFAULT_ADMIN_KEY,
  DEFAULT_API_KEY,
  Simulator,
} from '../../provider/simulator/service/simulator';
import { createThrowawayStack, type ThrowawayStack } from './throwaway-stack';

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

/** A throwaway stack of test/engine/projects/telephony against a simulator served over HTTP. */
export interface TelephonyStack {
  readonly stack: ThrowawayStack;
  /** The default account, as the provider sees it. */
  readonly client: HttpClient;
  /** The admin surface: out-of-band edits, clock, faults. */
  readonly admin: HttpClient;
  readonly simulator: Simulator;
  up(spec: TelephonySpec, options?: { refresh?: boolean }): Promise<StackOperationResult>;
  preview(
    spec: TelephonySpec,
    options?: { refresh?: boolean; expectNoChanges?: boolean },
  ): Promise<StackOperationResult>;
  refresh(): Promise<StackOperationResult>;
  destroy(): Promise<StackOperationResult>;
  /** Edits as a console user would (drift). */
  outOfBand: HttpClient['call'];
  close(): Promise<void>;
}

export async function startTelephonyStack(
  options: { apiKey?: string } = {},
): Promise<TelephonyStack> {
  const dir = mkdtempSync(join(tmpdir(), 'numberplane-engine-sim-'));
  const simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  const app: FastifyInstance = buildApp({ simulator });
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  const stack = createThrowawayStack('test/engine/projects/telephony');
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (apiKey !== DEFAULT_API_KEY) {
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'CreateAccount', { body: { name: 'tenant', apiKey } });
  }
  const client = new HttpClient({ endpoint, apiKey });
  const admin = new HttpClient({ endpoint, adminKey: DEFAULT_ADMIN_KEY });
  const config = (spec: TelephonySpec) => ({
    'numberplane:endpoint': { value: endpoint },
    'numberplane:apiKey': { value: apiKey, secret: true },
    'telephony:spec': { value: JSON.stringify(spec) },
  });
  let lastSpec: TelephonySpec = {};
  return {
    stack,
    client,
    admin,
    simulator,
    up: (spec, options = {}) => {
      lastSpec = spec;
      return stack.up({ config: config(spec), ...options });
    },
    preview: (spec, options = {}) => {
      lastSpec = spec;
      return stack.preview({ config: config(spec), ...options });
    },
    refresh: () => stack.refresh({ config: config(lastSpec) }),
    destroy: () => stack.destroy({ config: config(lastSpec) }),
    outOfBand: ((operation, input) =>
      admin.admin('InvokeAs', {
        id: apiKey === DEFAULT_API_KEY ? 'default' : 'tenant',
        body: { operation, input },
      })) as HttpClient['call'],
    async close() {
      stack.cleanup();
      await app.close();
      simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

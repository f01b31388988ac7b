import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackOperationResult } from '../../../provider/engine/stack-operation';
import { startSimulatorStack, type SimulatorStack } from './simulator-stack';

type RunOptions = { refresh?: boolean; expectNoChanges?: boolean };

/** test/engine/projects/inventory: each operation first writes the inventory file it runs on. */
export interface InventoryStack extends Omit<SimulatorStack, 'run'> {
  up(inventory: string, options?: RunOptions): Promise<StackOperationResult>;
  preview(inventory: string, options?: RunOptions): Promise<StackOperationResult>;
  destroy(): Promise<StackOperationResult>;
}

export async function startInventoryStack(): Promise<InventoryStack> {
  const base = await startSimulatorStack('test/engine/projects/inventory');
  const config = { 'numberplane:inventory': { value: 'inventory.yaml' } };
  const write = (inventory: string): void =>
    writeFileSync(join(base.stack.projectDir, 'inventory.yaml'), inventory);
  return {
    ...base,
    up: (inventory, options) => {
      write(inventory);
      return base.run('up', config, options);
    },
    preview: (inventory, options) => {
      write(inventory);
      return base.run('preview', config, options);
    },
    destroy: () => base.run('destroy', config),
  };
}

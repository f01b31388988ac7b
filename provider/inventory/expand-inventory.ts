import type { Inventory, InventoryPhoneNumber } from './inventory-schema';

/** One phone number resource the inventory declares, after `count` is expanded. */
export interface PlannedNumber {
  /** The resource name: the key, or KEY-1 … KEY-N for a count. */
  name: string;
  /** The key in the file. */
  key: string;
  entry: InventoryPhoneNumber;
}

/**
 * Expands `count`: KEY-1 … KEY-N, so growing a count only adds names and shrinking only
 * removes the highest; nothing else is renamed. Without `count` the name is the key.
 */
export function plannedNumbers(inventory: Inventory): PlannedNumber[] {
  return Object.entries(inventory.phoneNumbers ?? {}).flatMap(([key, entry]) =>
    numberNames(key, entry.count).map((name) => ({ name, key, entry })),
  );
}

/** The resource names one key makes: the key, or KEY-1 … KEY-N for a count of N. */
export function numberNames(key: string, count: number | undefined): string[] {
  return count === undefined ? [key] : Array.from({ length: count }, (_, i) => `${key}-${i + 1}`);
}

/** Connector keys of each group in priority order (1 first): the routing order of calls. */
export function routingOrder(inventory: Inventory): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(inventory.voiceConnectorGroups ?? {}).map(([key, group]) => [
      key,
      [...group.connectors].sort((a, b) => a.priority - b.priority).map((c) => c.voiceConnector),
    ]),
  );
}

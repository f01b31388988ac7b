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
  const planned: PlannedNumber[] = [];
  for (const [key, entry] of Object.entries(inventory.phoneNumbers ?? {})) {
    if (entry.count === undefined) {
      planned.push({ name: key, key, entry });
      continue;
    }
    for (let i = 1; i <= entry.count; i++) planned.push({ name: `${key}-${i}`, key, entry });
  }
  return planned;
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

import { resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { OptOutList } from '../resources/opt-out-list';
import { PhoneNumber } from '../resources/phone-number';
import { VoiceConnector } from '../resources/voice-connector';
import { VoiceConnectorGroup } from '../resources/voice-connector-group';
import { plannedNumbers, routingOrder } from './expand-inventory';
import type { Inventory } from './inventory-schema';
import { InventoryError, loadInventory } from './load-inventory';

/**
 * The numbers the stack's last update declared protected (its `protectedNumbers` output),
 * read through a StackReference to the stack itself: the engine reads the last saved state
 * before this update changes anything, under `pulumi up` as under the Automation API. A new
 * stack has no outputs yet, so nothing was protected.
 */
async function previouslyProtected(): Promise<string[]> {
  const name = `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
  const lastUpdate = new pulumi.StackReference('numberplane-last-update', { name });
  const { value, secretValue } = await lastUpdate.getOutputDetails('protectedNumbers');
  const names = value ?? secretValue;
  return Array.isArray(names) ? names.map(String) : [];
}

export interface InventoryOutputs {
  /** E.164 number by resource name. */
  numbers: Record<string, pulumi.Output<string>>;
  numberIds: Record<string, pulumi.Output<string>>;
  /** Connector keys of each group in the order calls try them. */
  routing: Record<string, string[]>;
  /** Numbers with deletion protection: the next run refuses to drop them from the file. */
  protectedNumbers: string[];
}

/** Declares every resource of an inventory; resources are named by their keys. */
export function declareInventory(inventory: Inventory): InventoryOutputs {
  const connectors: Record<string, VoiceConnector> = {};
  for (const [key, args] of Object.entries(inventory.voiceConnectors ?? {})) {
    connectors[key] = new VoiceConnector(key, args);
  }
  const groups: Record<string, VoiceConnectorGroup> = {};
  for (const [key, { connectors: members, ...args }] of Object.entries(
    inventory.voiceConnectorGroups ?? {},
  )) {
    groups[key] = new VoiceConnectorGroup(key, {
      ...args,
      connectors: members.map((member) => ({
        voiceConnectorId: (connectors[member.voiceConnector] as VoiceConnector).voiceConnectorId,
        priority: member.priority,
      })),
    });
  }
  const lists: Record<string, OptOutList> = {};
  for (const [key, args] of Object.entries(inventory.optOutLists ?? {})) {
    // An inventory names each list after its key, as its rules (one name per list) expect.
    lists[key] = new OptOutList(key, { ...args, name: args.name ?? key });
  }
  const numbers: Record<string, PhoneNumber> = {};
  for (const { name, entry } of plannedNumbers(inventory)) {
    const { count, voiceConnector, voiceConnectorGroup, optOutList, ...args } = entry;
    numbers[name] = new PhoneNumber(name, {
      ...args,
      ...(voiceConnector ? { voiceConnectorId: connectors[voiceConnector]?.voiceConnectorId } : {}),
      ...(voiceConnectorGroup
        ? { voiceConnectorGroupId: groups[voiceConnectorGroup]?.voiceConnectorGroupId }
        : {}),
      ...(optOutList ? { optOutListName: lists[optOutList]?.optOutListName } : {}),
    });
  }
  return {
    numbers: Object.fromEntries(Object.entries(numbers).map(([name, n]) => [name, n.phoneNumber])),
    numberIds: Object.fromEntries(
      Object.entries(numbers).map(([name, n]) => [name, n.phoneNumberId]),
    ),
    routing: routingOrder(inventory),
    protectedNumbers: plannedNumbers(inventory)
      .filter(({ entry }) => entry.deletionProtectionEnabled === true)
      .map(({ name }) => name),
  };
}

/**
 * The root project's program: reads the inventory named by stack config
 * `numberplane:inventory` (relative to the project directory), with per-stack counts from
 * `numberplane:counts` and the quota from `numberplane:numberQuota`, checks all of it
 * (including that no number the last update protected has left the file) before declaring
 * anything, and declares it.
 */
export default async function inventoryProgram(): Promise<InventoryOutputs> {
  const config = new pulumi.Config('numberplane');
  const file = config.require('inventory');
  const quota = config.getNumber('numberQuota');
  const counts = config.getObject<Record<string, unknown>>('counts');
  const loaded = loadInventory(
    resolve(file),
    {
      ...(quota !== undefined ? { numberQuota: quota } : {}),
      ...(counts !== undefined ? { counts } : {}),
      previouslyProtected: await previouslyProtected(),
    },
    file,
  );
  if (!loaded.inventory) throw new InventoryError(loaded.problems);
  return declareInventory(loaded.inventory);
}

// The numberplane package's public API: exports only.
export { PhoneNumber, type PhoneNumberArgs } from './resources/phone-number';
export { VoiceConnector, type VoiceConnectorArgs } from './resources/voice-connector';
export {
  VoiceConnectorGroup,
  type VoiceConnectorGroupArgs,
  type VoiceConnectorGroupConnector,
} from './resources/voice-connector-group';
export { OptOutList, type OptOutListArgs } from './resources/opt-out-list';
export { default as inventoryProgram, declareInventory } from './inventory/program';
export { loadInventory, parseInventory, InventoryError } from './inventory/load-inventory';
export { formatProblem, type InventoryProblem } from './inventory/inventory-problems';
export type { Inventory } from './inventory/inventory-schema';
export { locateEngine, engineEnvironment, type EngineLocation } from './engine/engine-location';
export type { StackOperationRequest, StackOperationResult } from './engine/stack-operation';
/** The same resources served by the `numberplane` provider plugin (docs/plugin.md). */
export * as plugin from './resources/plugin-resources';

// The numberplane package's public API. The resource classes land here as they are built.
export { locateEngine, engineEnvironment, type EngineLocation } from './engine/engine-location';
export type { StackOperationRequest, StackOperationResult } from './engine/stack-operation';

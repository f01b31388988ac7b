import { lazyProvider } from '../lazy-provider';

// The whole of this module's exports is the provider: see lazy-provider.ts for why.
export = lazyProvider('numberplane/dist/provider/resources/hooks/voice-connector-group-hooks');

/** Flags every numberplane command takes. */
export const GLOBAL_FLAGS = {
  endpoint: { type: 'string' },
  'api-key': { type: 'string' },
  'admin-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

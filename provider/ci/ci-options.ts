// What the four CI commands are called and which flags they take: all the CLI's entry needs
// to parse argv and print help, without loading the engine's Automation API.

export const CI_COMMANDS = ['preview', 'up', 'destroy', 'drift'] as const;
export type CiCommand = (typeof CI_COMMANDS)[number];

export const CI_OPTIONS = {
  stack: { type: 'string' },
  inventory: { type: 'string' },
  cwd: { type: 'string' },
  'state-dir': { type: 'string' },
  json: { type: 'boolean' },
  summary: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  remove: { type: 'boolean' },
  refresh: { type: 'boolean' },
  'skip-checkpoints': { type: 'boolean' },
} as const;

export const CI_USAGE = [
  'preview --stack NAME [--inventory FILE] [--cwd DIR] [--refresh] [--detailed-exitcode] [--json] [--summary FILE]',
  'up --stack NAME [--inventory FILE] [--cwd DIR] [--refresh] [--skip-checkpoints] [--json] [--summary FILE]',
  'destroy --stack NAME [--cwd DIR] [--remove] [--skip-checkpoints] [--json] [--summary FILE]',
  'drift --stack NAME [--inventory FILE] [--cwd DIR] [--detailed-exitcode] [--json] [--summary FILE]',
];

export function isCiCommand(word: string | undefined): word is CiCommand {
  return (CI_COMMANDS as readonly string[]).includes(word ?? '');
}

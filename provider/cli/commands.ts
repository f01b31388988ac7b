import { ADMIN_COMMANDS } from './admin-commands';
import type { Command } from './command';
import { CONNECTOR_COMMANDS } from './connector-commands';
import { NUMBER_COMMANDS } from './number-commands';
import { OPT_OUT_LIST_COMMANDS } from './opt-out-list-commands';
import { OWNER_COMMANDS } from './owner-commands';

/** Every simulator command, in the order `numberplane help` lists them. */
export const COMMANDS: Command[] = [
  ...NUMBER_COMMANDS,
  ...CONNECTOR_COMMANDS,
  ...OPT_OUT_LIST_COMMANDS,
  ...OWNER_COMMANDS,
  ...ADMIN_COMMANDS,
];

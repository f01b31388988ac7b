import { walkPages, type ListOperationName, type PageRequest } from '../client/list-all';
import type { SimulatorClient } from '../client/simulator-client';
import type {
  AccountOperationName,
  AdminInput,
  AdminOperationName,
  OperationInput,
} from '../api/operations';
import { usage } from './cli-errors';
import { record, table, type Row } from './output';

// What every command of the numberplane CLI is made of: its words, flags and printing,
// and the helpers that read flags and call the simulator.

/** Parsed flags: strings, booleans, or repeated strings. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  readonly client: SimulatorClient;
  readonly flags: Flags;
  readonly positionals: readonly string[];
}

export interface Command {
  /** Words after `numberplane`, e.g. ['numbers', 'list']. */
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  /** Flags this command takes (beyond the global ones), as parseArgs options. */
  readonly flags?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run(ctx: CommandContext): Promise<{ value: unknown; text: string }>;
}

export function str(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function positional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index];
  if (!value) throw usage(`${what} is missing; see numberplane help`);
  return value;
}

export function bool(flags: Flags, name: string): boolean | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw usage(`--${name} must be true or false; got "${value}"`);
}

/** `none` clears an assignment; anything else is an id. */
export function idOrNone(flags: Flags, name: string): string | null | undefined {
  const value = str(flags, name);
  return value === 'none' ? null : value;
}

export function tags(flags: Flags): Record<string, string> | undefined {
  const list = flags.tag;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) throw usage(`--tag must be KEY=VALUE; got "${item}"`);
    result[item.slice(0, at)] = item.slice(at + 1);
  }
  return result;
}

/** A body from --body JSON, overlaid with the command's own flags (undefined ones dropped). */
export function body(flags: Flags, fields: Record<string, unknown>): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  const raw = str(flags, 'body');
  if (raw !== undefined) {
    try {
      base = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw usage(`--body is not valid JSON (${(error as Error).message}); pass a JSON object`);
    }
  }
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) base[key] = value;
  return base;
}

/** Calls an account operation, or, with --account, makes it as that account (out of band). */
export async function call(
  ctx: CommandContext,
  operation: AccountOperationName,
  input: OperationInput,
): Promise<unknown> {
  const account = str(ctx.flags, 'account');
  if (account) {
    return ctx.client.admin('InvokeAs', { id: account, body: { operation, input } });
  }
  return ctx.client.call(operation, input);
}

export const adminCall = (
  ctx: CommandContext,
  operation: AdminOperationName,
  input: AdminInput = {},
): Promise<unknown> => ctx.client.admin(operation, input);

const asItems = (value: unknown): Row[] => ((value as { items?: Row[] }).items ?? []) as Row[];
export const listed =
  (columns: string[]) =>
  (value: unknown): string => {
    const next = (value as { nextToken?: string }).nextToken;
    return (
      table(asItems(value), columns) + (next ? `(more: --next-token ${next}, or --all)\n` : '')
    );
  };
export const one = (value: unknown): string => record(value as Row);

/** `--max-results` (a number, or the text given, for the server to refuse) and `--next-token`. */
export interface PageFlags {
  maxResults?: number | string;
  nextToken?: string;
}

export function pageFlags(flags: Flags): PageFlags {
  const max = str(flags, 'max-results');
  return {
    ...(max !== undefined ? { maxResults: /^\d+$/.test(max) ? Number(max) : max } : {}),
    ...(str(flags, 'next-token') !== undefined ? { nextToken: str(flags, 'next-token') } : {}),
  };
}

/**
 * A list command's call: one page (`--max-results`, `--next-token`; the table ends with
 * the token of the next page when there is one), or with `--all` every page from there on,
 * `--max-results` items at a time, as one list with no token.
 */
export async function listCall(
  ctx: CommandContext,
  operation: ListOperationName,
  input: Omit<OperationInput, 'page'> = {},
): Promise<unknown> {
  const first = pageFlags(ctx.flags);
  if (ctx.flags.all !== true || typeof first.maxResults === 'string') {
    return call(ctx, operation, { ...input, page: first });
  }
  const start: PageRequest = {
    ...(first.maxResults !== undefined ? { maxResults: first.maxResults } : {}),
    ...(first.nextToken !== undefined ? { nextToken: first.nextToken } : {}),
  };
  const items = await walkPages(
    async (page: PageRequest) =>
      (await call(ctx, operation, { ...input, page })) as { items: unknown[]; nextToken?: string },
    start,
  );
  return { items };
}

export const PAGE_FLAGS = {
  'max-results': { type: 'string' },
  'next-token': { type: 'string' },
  all: { type: 'boolean' },
} as const;
export const ACCOUNT_FLAG = { account: { type: 'string' } } as const;
/** What every create command takes besides its own fields: an idempotency token, a raw body, --account. */
export const CREATE_FLAGS = {
  'client-token': { type: 'string' },
  body: { type: 'string' },
  ...ACCOUNT_FLAG,
} as const;

export function simple(
  words: string[],
  usage: string,
  summary: string,
  run: (ctx: CommandContext) => Promise<unknown>,
  print: (value: unknown) => string,
  flags?: Command['flags'],
): Command {
  return {
    words,
    usage,
    summary,
    flags,
    async run(ctx) {
      const value = await run(ctx);
      return { value, text: print(value) };
    },
  };
}

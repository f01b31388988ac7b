import type { Page } from '../api/objects';
import type {
  AccountOperationName,
  AccountOperationResult,
  OperationInput,
} from '../api/operations';
import type { SimulatorClient } from './simulator-client';

/** The account operations that answer one page of a list. */
export type ListOperationName = {
  [N in AccountOperationName]: AccountOperationResult<N> extends Page<unknown> ? N : never;
}[AccountOperationName];

/** What one item of a list operation's pages is. */
export type ListItem<N extends ListOperationName> =
  AccountOperationResult<N> extends Page<infer T> ? T : never;

/** Paging of one request: the page size and where to start (a token a page returned). */
export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

/**
 * Every item of a paged list, page after page, from `fetchPage` (which asks for one page).
 * Starts at `start.nextToken` when given; `start.maxResults` is the size of each page.
 * Stops at the page without a nextToken; a token handed out twice is a broken server, and
 * fails rather than loops.
 */
export async function walkPages<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  start: PageRequest = {},
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let nextToken = start.nextToken;
  for (;;) {
    const page = await fetchPage({
      ...(start.maxResults !== undefined ? { maxResults: start.maxResults } : {}),
      ...(nextToken !== undefined ? { nextToken } : {}),
    });
    items.push(...page.items);
    if (page.nextToken === undefined) return items;
    if (seen.has(page.nextToken)) {
      throw new Error(`the list handed out nextToken ${page.nextToken} twice; stopping`);
    }
    seen.add(page.nextToken);
    nextToken = page.nextToken;
  }
}

/**
 * Every item of a list operation, following nextToken through all its pages, on any
 * SimulatorClient (embedded or HTTP). `input` carries the operation's id (an opt-out list's
 * name) and filters; `input.page` its page size (default: the largest page, 100) and an
 * optional token to start from.
 */
export function listAll<N extends ListOperationName>(
  client: SimulatorClient,
  operation: N,
  input: Omit<OperationInput, 'page'> & { readonly page?: PageRequest } = {},
): Promise<ListItem<N>[]> {
  const { page, ...rest } = input;
  return walkPages(
    async (request) =>
      (await client.call(operation, { ...rest, page: request })) as Page<ListItem<N>>,
    { maxResults: 100, ...page },
  );
}

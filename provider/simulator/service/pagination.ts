import type { ListRequest } from '../domain/requests';

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  nextToken?: string;
}

export const DEFAULT_PAGE_SIZE = 100;

/** Offset paging: the token is the index of the next item. */
export function paginate<T>(all: readonly T[], request: ListRequest): Page<T> {
  const start = request.nextToken ? Number(request.nextToken) : 0;
  const size = request.maxResults ?? DEFAULT_PAGE_SIZE;
  const items = all.slice(start, start + size);
  const next = start + size;
  return next < all.length ? { items, nextToken: String(next) } : { items };
}

/** One value of a list's sort key: a time in epoch ms or an id. */
export type KeyPart = string | number;

/**
 * Which rows one page of a list reads: those after the key of the last row the caller has
 * seen (none on the first page), in key order, at most `limit` of them. Each list walks
 * an index in its key order, so a page costs the same whatever page it is.
 */
export interface RowWindow {
  readonly after?: readonly KeyPart[] | undefined;
  readonly limit: number;
}

/**
 * `(a, b) > (?, ?)` for the key columns, and its parameters; nothing on the first page.
 * Row values compare left to right, so this is "after the last row seen" in key order.
 */
export function afterKey(
  columns: readonly string[],
  window: RowWindow,
): { clause: string; params: KeyPart[] } {
  if (!window.after) return { clause: '', params: [] };
  if (window.after.length !== columns.length) {
    throw new Error(`a key of ${columns.length} parts was expected, got ${window.after.length}`);
  }
  return {
    clause: ` AND (${columns.join(', ')}) > (${columns.map(() => '?').join(', ')})`,
    params: [...window.after],
  };
}

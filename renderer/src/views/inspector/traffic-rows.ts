/** The inspector's rows: summaries in increasing id order, appended live, capped like the main process's log. */
import type { ExchangeSummary } from '../../../../shared/ipc';

/** The same cap as the main process's log (electron/services/traffic-log.ts). */
export const MAX_ROWS = 100_000;

/**
 * `rows` followed by the `incoming` rows it does not have yet (ids above its last), keeping at most
 * `max` (the oldest go). `dropped` says how many rows left the top, so the view can keep its place.
 */
export function appendRows(rows: readonly ExchangeSummary[], incoming: readonly ExchangeSummary[], max = MAX_ROWS): { rows: readonly ExchangeSummary[]; dropped: number } {
  let lastId = rows.at(-1)?.id ?? 0;
  const fresh: ExchangeSummary[] = [];
  for (const row of [...incoming].sort((a, b) => a.id - b.id)) {
    if (row.id > lastId) {
      fresh.push(row);
      lastId = row.id;
    }
  }
  if (fresh.length === 0) return { rows, dropped: 0 };
  const overflow = Math.max(0, rows.length + fresh.length - max);
  if (overflow === 0) return { rows: rows.concat(fresh), dropped: 0 };
  if (overflow >= rows.length) return { rows: fresh.slice(fresh.length - max), dropped: rows.length };
  return { rows: rows.slice(overflow).concat(fresh), dropped: overflow };
}

/** Index of the row with this id in rows sorted by id (binary search), or -1. */
export function indexOfId(rows: readonly ExchangeSummary[], id: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = rows[middle]?.id ?? 0;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Ids of rows[from..to] inclusive, in either order. */
export function idsBetween(rows: readonly ExchangeSummary[], from: number, to: number): number[] {
  const [low, high] = from <= to ? [from, to] : [to, from];
  return rows.slice(Math.max(0, low), high + 1).map((row) => row.id);
}

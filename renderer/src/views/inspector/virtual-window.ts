/** The arithmetic of a fixed-row-height virtual list (no DOM: unit-tested in Node). */

export interface WindowInput {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly count: number;
  /** Rows rendered beyond each edge of the viewport. */
  readonly overscan: number;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  readonly start: number;
  /** Last rendered row (exclusive). */
  readonly end: number;
  /** translateY of the first rendered row. */
  readonly offset: number;
  /** Height of the whole list. */
  readonly height: number;
}

/** The first row at least partly visible at this scroll position. */
export function firstVisibleRow(scrollTop: number, rowHeight: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor(scrollTop / rowHeight)));
}

export function rowWindow(input: WindowInput): RowWindow {
  const { rowHeight, count, overscan } = input;
  const height = count * rowHeight;
  if (count === 0) return { start: 0, end: 0, offset: 0, height };
  const first = firstVisibleRow(input.scrollTop, rowHeight, count);
  const visible = Math.ceil(Math.max(0, input.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, height };
}

/** The scrollTop that brings row `index` fully into view with the least movement (unchanged when it already is). */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop || rowHeight >= viewportHeight) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** How many whole rows fit in the viewport (for PageUp/PageDown), at least 1. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

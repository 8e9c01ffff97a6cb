/**
 * A fixed-row-height virtual list controller: attach it to the scrolling element
 * (`{@attach list.viewport}`) and render `list.window.start … end` at `translateY(list.window.offset)`.
 * Only the first visible row and the viewport height are state, so scrolling within a row, which
 * fires many scroll events, re-renders nothing.
 */
import { firstVisibleRow, rowWindow, scrollTopToReveal, type RowWindow } from './virtual-window';

export class VirtualList {
  #first = $state(0);
  #viewportHeight = $state(0);
  #element: HTMLElement | null = null;

  readonly window: RowWindow = $derived.by(() =>
    rowWindow({ scrollTop: this.#first * this.rowHeight, viewportHeight: this.#viewportHeight, rowHeight: this.rowHeight, count: this.count(), overscan: this.overscan }),
  );

  constructor(
    private readonly count: () => number,
    readonly rowHeight: number,
    readonly overscan = 4,
  ) {}

  get viewportHeight(): number {
    return this.#viewportHeight;
  }

  /** The attachment for the scrolling element. */
  readonly viewport = (element: HTMLElement) => {
    this.#element = element;
    const sync = () => {
      this.#first = firstVisibleRow(element.scrollTop, this.rowHeight, this.count());
    };
    const resized = new ResizeObserver(() => {
      this.#viewportHeight = element.clientHeight;
      sync();
    });
    resized.observe(element);
    this.#viewportHeight = element.clientHeight;
    element.addEventListener('scroll', sync, { passive: true });
    return () => {
      element.removeEventListener('scroll', sync);
      resized.disconnect();
      if (this.#element === element) this.#element = null;
    };
  };

  /** Scrolls as little as needed to show row `index` whole. */
  reveal(index: number): void {
    const element = this.#element;
    if (!element || index < 0) return;
    const top = scrollTopToReveal(index, element.scrollTop, element.clientHeight, this.rowHeight);
    if (top !== element.scrollTop) element.scrollTop = top;
  }

  /** Keeps the same rows in view after `removed` rows were dropped from the top of the list. */
  shiftUp(removed: number): void {
    const element = this.#element;
    if (element && removed > 0) element.scrollTop = Math.max(0, element.scrollTop - removed * this.rowHeight);
  }
}

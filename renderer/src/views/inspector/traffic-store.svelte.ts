/**
 * The session's exchange summaries, live: subscribes before listing so nothing recorded meanwhile
 * is missed, and batches `onRecorded` events into one update per animation frame (a busy session
 * records hundreds per second). Rows are `$state.raw`: a plain array replaced on change, never a
 * deep proxy over 100k objects.
 */
import type { ExchangeSummary, XcapApi } from '../../../../shared/ipc';
import { unwrap } from '../../lib/unwrap';
import { appendRows, MAX_ROWS } from './traffic-rows';

export class TrafficStore {
  rows: readonly ExchangeSummary[] = $state.raw([]);
  loading = $state(true);
  error = $state<string | null>(null);

  #pending: ExchangeSummary[] = [];
  #loaded = false;
  #frame: number | null = null;
  #api: XcapApi | null = null;

  constructor(
    /** Rows dropped from the top (the cap), so the view can keep its scroll position. */
    private readonly onDropped: (rows: readonly ExchangeSummary[]) => void = () => {},
    private readonly max = MAX_ROWS,
    /** Every row went (a clear here or in another window), so the view can drop its selection. */
    private readonly onCleared: () => void = () => {},
  ) {}

  /** Starts listening; returns the function that stops. */
  start(api: XcapApi): () => void {
    this.#api = api;
    this.#loaded = false;
    this.#pending = [];
    this.loading = true;
    let stopped = false;
    const stopRecorded = api.traffic.onRecorded((summary) => {
      this.#pending.push(summary);
      if (this.#loaded) this.#schedule();
    });
    // Another window (or this one) cleared the session's traffic.
    const stopCleared = api.traffic.onCleared(() => this.#forget());
    const unsubscribe = () => {
      stopRecorded();
      stopCleared();
    };
    void unwrap(api.traffic.list({}))
      .then((rows) => {
        if (stopped) return;
        this.#merge(rows);
        this.#loaded = true;
        this.#flush();
      })
      .catch((error: unknown) => {
        if (!stopped) this.error = (error as Error).message;
      })
      .finally(() => {
        if (!stopped) this.loading = false;
      });
    return () => {
      stopped = true;
      unsubscribe();
      if (this.#frame !== null) cancelAnimationFrame(this.#frame);
      this.#frame = null;
    };
  }

  async clear(): Promise<void> {
    if (!this.#api) return;
    await unwrap(this.#api.traffic.clear({}));
    this.#forget();
  }

  #forget(): void {
    this.#pending = [];
    this.rows = [];
    this.onCleared();
  }

  #schedule(): void {
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = null;
      this.#flush();
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length > 0) this.#merge(pending);
  }

  #merge(incoming: readonly ExchangeSummary[]): void {
    const before = this.rows;
    const { rows, dropped } = appendRows(before, incoming, this.max);
    this.rows = rows;
    if (dropped > 0) this.onDropped(before.slice(0, dropped));
  }
}

/**
 * The session's traffic across all profiles: each profile's client has its own TrafficRecorder
 * (its own XCAP root for decoding); this log gives their exchanges one session-wide numbering in
 * the order they ended, for the inspector, HAR export and curl.
 */
import type { ExchangeSummary } from '../../shared/ipc';
import type { Exchange, ExchangeJson } from '../client/capture';
import { exchangeToJson, revealForInspector, toCurl, toHar, type TrafficRecorder } from '../client/capture';
import { decodeAkaView } from '../gba/aka-view';
import type { AkaView } from '../../shared/traffic/aka';

interface Entry {
  readonly summary: ExchangeSummary;
  readonly recorder: TrafficRecorder;
  readonly localId: number;
}

/** Rows kept for the inspector; the recorders keep bodies within their own byte budgets. */
export const MAX_LOGGED_EXCHANGES = 100_000;

export class TrafficLog {
  readonly #entries = new Map<number, Entry>();
  readonly #listeners = new Set<(summary: ExchangeSummary) => void>();
  #nextId = 1;

  /** Starts logging a profile's recorder. Returns a function that stops it. */
  attach(profile: string, recorder: TrafficRecorder): () => void {
    const onExchange = (exchange: Exchange) => {
      const summary = summarize(this.#nextId++, profile, exchange);
      this.#entries.set(summary.id, { summary, recorder, localId: exchange.id });
      if (this.#entries.size > MAX_LOGGED_EXCHANGES) this.#entries.delete(this.#entries.keys().next().value as number);
      for (const listener of this.#listeners) listener(summary);
    };
    recorder.on('exchange', onExchange);
    return () => recorder.off('exchange', onExchange);
  }

  onRecorded(listener: (summary: ExchangeSummary) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Summaries with an id above `afterId`, oldest first. */
  list(afterId = 0): ExchangeSummary[] {
    const rows: ExchangeSummary[] = [];
    for (const [id, entry] of this.#entries) if (id > afterId) rows.push(entry.summary);
    return rows;
  }

  get lastId(): number {
    return this.#nextId - 1;
  }

  /** The exchange, redacted unless `reveal`; null when unknown or dropped by its recorder's budget. */
  /** Also decodes Digest AKA (GBA bootstrapping) fields, from the redacted headers: RES and AUTS never appear. */
  get(id: number, reveal: boolean): (ExchangeJson & { profile: string; aka: AkaView | null }) | null {
    const exchange = this.#exchange(id, reveal);
    const entry = this.#entries.get(id);
    if (!exchange || !entry) return null;
    const redacted = reveal ? this.#exchange(id, false) : exchange;
    const aka = redacted ? decodeAkaView(redacted.request, redacted.response) : null;
    // Even revealed, replayable credentials (Basic, cookies) stay in the main process.
    return { ...exchangeToJson(reveal ? revealForInspector(exchange) : exchange, { reveal }), id, profile: entry.summary.profile, aka };
  }

  /** HAR 1.2 of the given exchanges (all when absent), always redacted. */
  har(ids?: readonly number[]): string {
    const chosen = ids ?? [...this.#entries.keys()];
    const exchanges = chosen.map((id) => this.#exchange(id, false)).filter((e): e is Exchange => e !== null);
    return JSON.stringify(toHar(exchanges), null, 2);
  }

  /** The exchange as a curl command line (credentials redacted). */
  curl(id: number): string | null {
    const exchange = this.#exchange(id, false);
    return exchange && toCurl(exchange);
  }

  clear(): number {
    const count = this.#entries.size;
    this.#entries.clear();
    return count;
  }

  #exchange(id: number, reveal: boolean): Exchange | null {
    const entry = this.#entries.get(id);
    const exchange = entry?.recorder.get(entry.localId, { reveal });
    return exchange ? { ...exchange, id } : null;
  }
}

function summarize(id: number, profile: string, exchange: Exchange): ExchangeSummary {
  const response = exchange.response;
  const contentType = response?.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  return {
    id,
    profile,
    startedAt: exchange.startedAt,
    method: exchange.request.method,
    url: exchange.request.url,
    status: response?.status ?? null,
    error: exchange.error ? `${exchange.error.code}: ${exchange.error.message}` : null,
    auid: exchange.xcap?.auid ?? null,
    resource: exchange.xcap?.resource ?? null,
    attempt: exchange.attempt,
    label: exchange.label,
    totalMs: exchange.timings.totalMs,
    requestBytes: exchange.request.body?.size ?? 0,
    responseBytes: response?.body?.size ?? 0,
    contentType,
  };
}

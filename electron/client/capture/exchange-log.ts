import type { Exchange } from './exchange';

/**
 * The last exchanges in the order they finished, bounded by count and by the bytes of their stored
 * bodies (the newest exchange is always kept, whatever its size).
 */
export class ExchangeLog {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  /** Insertion-ordered: the first key is the oldest. */
  readonly #entries = new Map<number, Exchange>();
  #bytes = 0;

  constructor(maxEntries: number, maxBytes: number) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Body bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  add(exchange: Exchange): void {
    const previous = this.#entries.get(exchange.id);
    if (previous) this.#remove(previous);
    this.#entries.set(exchange.id, exchange);
    this.#bytes += bodyBytes(exchange);
    while (this.#entries.size > 1 && (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes)) {
      const oldest = this.#entries.values().next().value;
      if (!oldest) break;
      this.#remove(oldest);
    }
  }

  list(): Exchange[] {
    return [...this.#entries.values()];
  }

  get(id: number): Exchange | undefined {
    return this.#entries.get(id);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #remove(exchange: Exchange): void {
    this.#entries.delete(exchange.id);
    this.#bytes -= bodyBytes(exchange);
  }
}

function bodyBytes(exchange: Exchange): number {
  return (exchange.request.body?.bytes.byteLength ?? 0) + (exchange.response?.body?.bytes.byteLength ?? 0);
}

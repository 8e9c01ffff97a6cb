/**
 * A minimal typed event emitter whose listeners cannot hurt the emitter: each runs in its own
 * try/catch and a failure goes to `onListenerError`. (Events are emitted from inside undici's
 * callbacks and diagnostics subscribers, where an exception would break the request or crash the
 * process.)
 */
type Listener = (...args: unknown[]) => void;

export class SafeEmitter<Events extends Record<string, unknown[]>> {
  readonly #listeners = new Map<keyof Events, Set<Listener>>();
  readonly #onListenerError: (error: unknown, event: string) => void;

  constructor(onListenerError: (error: unknown, event: string) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): void {
    this.#listeners.get(event)?.delete(listener as Listener);
  }

  hasListeners(event: keyof Events): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...(args as unknown[]));
      } catch (error) {
        try {
          this.#onListenerError(error, String(event));
        } catch {
          // The error reporter failed too: nothing safer to do than drop it.
        }
      }
    }
  }

  removeAll(): void {
    this.#listeners.clear();
  }
}

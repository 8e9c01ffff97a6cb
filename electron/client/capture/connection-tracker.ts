import type { TlsDetails } from './exchange';
import { connectMarks } from './connector';
import { tlsDetails } from './socket-details';

/** What the recorder knows about one socket. */
export interface SocketRecord {
  /** Per recorder, 1, 2, …, in the order sockets are first seen. */
  readonly id: number;
  /** Requests written on it so far. */
  uses: number;
  /** performance.now() when connecting started/ended, when this recorder saw it connect. */
  readonly connectStart?: number;
  readonly connectEnd?: number;
  readonly tlsMs?: number;
  /** Read once per socket: the handshake does not change. */
  tls?: TlsDetails | undefined;
  tlsRead: boolean;
}

const MAX_PENDING_PER_CONNECTOR = 64;

/**
 * Connection timing from `undici:client:beforeConnect` / `connected` / `connectError`. Those events
 * name the connector function, not the socket-to-be, and a Pool shares one connector among its
 * clients: concurrent connects through one Pool are paired first-in first-out, which can swap the
 * times of two parallel connects (timedConnector measures each socket exactly).
 * Everything is held weakly: sockets and connectors of other agents cost nothing once gone.
 */
export class ConnectionTracker {
  readonly #pending = new WeakMap<object, number[]>();
  readonly #sockets = new WeakMap<object, SocketRecord>();
  #nextId = 1;

  beforeConnect(connector: unknown): void {
    if (!isObject(connector)) return;
    let queue = this.#pending.get(connector);
    if (!queue) this.#pending.set(connector, (queue = []));
    queue.push(performance.now());
    if (queue.length > MAX_PENDING_PER_CONNECTOR) queue.shift();
  }

  connected(connector: unknown, socket: unknown): void {
    const now = performance.now();
    const start = isObject(connector) ? this.#pending.get(connector)?.shift() : undefined;
    if (!isObject(socket) || this.#sockets.has(socket)) return;
    const marks = connectMarks(socket);
    const connectStart = marks?.start ?? start;
    const tlsMs = marks?.secure !== undefined && marks.tcp !== undefined ? marks.secure - marks.tcp : undefined;
    this.#sockets.set(socket, {
      id: this.#nextId++,
      uses: 0,
      ...(connectStart !== undefined && { connectStart, connectEnd: marks?.secure ?? marks?.tcp ?? now }),
      ...(tlsMs !== undefined && { tlsMs }),
      tlsRead: false,
    });
  }

  connectError(connector: unknown): void {
    if (isObject(connector)) this.#pending.get(connector)?.shift();
  }

  /** Records one more request on `socket`; `reused` when it carried one before. */
  use(socket: unknown): { record: SocketRecord; reused: boolean } | null {
    if (!isObject(socket)) return null;
    let record = this.#sockets.get(socket);
    if (!record) {
      // Connected before this recorder subscribed: no timing, and it may have carried requests.
      record = { id: this.#nextId++, uses: 0, tlsRead: false };
      this.#sockets.set(socket, record);
    }
    if (!record.tlsRead) {
      record.tls = tlsDetails(socket);
      record.tlsRead = true;
    }
    const reused = record.uses > 0;
    record.uses++;
    return { record, reused };
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The contract over browser mode's WebSocket: the same `XcapApi` the Electron preload exposes,
 * built by the same function from two private primitives. The server let this page in by its
 * token cookie; the socket goes back to the same origin.
 */
import { buildXcapApi, type CallChannel, type EventChannel, type IpcResult, type XcapApi } from '../../../../shared/ipc';

interface Pending {
  resolve(result: IpcResult<unknown>): void;
}

export function connectSocketApi(url = socketUrl()): Promise<XcapApi> {
  const socket = new WebSocket(url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number | null; result?: IpcResult<unknown>; event?: EventChannel; payload?: unknown };
    if (data.event !== undefined) {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      return;
    }
    if (typeof data.id === 'number' && data.result) {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    }
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.resolve({ ok: false, error: { code: 'internal', message: 'the connection to XCAP Console closed: reload the page' } });
    pending.clear();
  });

  const invoke = (channel: CallChannel, args: unknown) =>
    new Promise<IpcResult<unknown>>((resolve) => {
      if (socket.readyState !== WebSocket.OPEN) return resolve({ ok: false, error: { code: 'internal', message: 'not connected to XCAP Console: reload the page' } });
      const id = nextId++;
      pending.set(id, { resolve });
      socket.send(JSON.stringify({ id, channel, args }));
    });
  const subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => void set.delete(listener);
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(buildXcapApi(invoke, subscribe)), { once: true });
    socket.addEventListener('error', () => reject(new Error('browser mode refused the connection: open the URL with its token')), { once: true });
  });
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`;
}

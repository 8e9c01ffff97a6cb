/**
 * The IPC contract over a WebSocket (browser mode). Client → server `{id, channel, args}`; server →
 * client `{id, result}` (an IpcResult) or `{event, payload}`. Every call goes through dispatchCall,
 * the same validation as Electron's IPC; the socket was already let in by the AccessGuard.
 */
import type { WebSocket } from 'ws';
import type { ConsoleServices } from '../services/console-services';
import { dispatchCall } from '../ipc/dispatch';

export function bridgeSocket(socket: WebSocket, services: ConsoleServices): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = services.onEvent((event, payload) => send({ event, payload }));
  socket.on('close', unsubscribe);
  socket.on('message', (data, isBinary) => {
    let message: { id?: unknown; channel?: unknown; args?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      send({ id: null, result: { ok: false, error: { code: 'invalid-argument', message: 'messages are JSON objects {id, channel, args}' } } });
      return;
    }
    const id = typeof message?.id === 'number' ? message.id : null;
    void dispatchCall(services.handlers, message?.channel, message?.args).then((result) => send({ id, result }));
  });
}

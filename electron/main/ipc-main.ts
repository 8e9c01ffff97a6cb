/**
 * The contract on Electron's IPC: one `ipcMain.handle` per call channel, each checking the sender
 * frame before dispatchCall validates the argument. Events go to the window's top frame only.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNELS, failure, type EventChannel, type EventPayload } from '../../shared/ipc';
import { dispatchCall } from '../ipc/dispatch';
import type { CallHandlers } from '../ipc/handlers';

/** The part of ipcMain this needs (tests give a recording fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: CallHandlers, isTrustedSender: (frame: IpcMainInvokeEvent['senderFrame']) => boolean): () => void {
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, async (event, args) => {
      if (!isTrustedSender(event.senderFrame)) return failure('forbidden-sender', `${channel}: refused, the call did not come from the XCAP Console page`);
      return dispatchCall(handlers, channel, args);
    });
  }
  return () => CALL_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

export function sendEvent<E extends EventChannel>(contents: WebContents, channel: E, payload: EventPayload<E>): void {
  if (!contents.isDestroyed()) contents.mainFrame.send(channel, payload);
}

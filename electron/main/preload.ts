// The renderer's only door to the main process: the contract's methods on window.xcap, built from
// the contract itself. Never ipcRenderer, never an event object (listeners get the payload only).
import { contextBridge, ipcRenderer } from 'electron';
import { buildXcapApi } from '../../shared/ipc/api';

contextBridge.exposeInMainWorld(
  'xcap',
  buildXcapApi(
    (channel, args) => ipcRenderer.invoke(channel, args),
    (channel, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
  ),
);

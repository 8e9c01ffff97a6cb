/** The contract, from Electron's preload (`window.xcap`) or, in browser mode, over the WebSocket. */
import type { XcapApi } from '../../../../shared/ipc';
import { connectSocketApi } from './socket-api';

declare global {
  interface Window {
    readonly xcap?: XcapApi;
  }
}

export async function connectApi(): Promise<XcapApi> {
  return window.xcap ?? connectSocketApi();
}

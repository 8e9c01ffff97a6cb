/**
 * Browser mode as a whole: the main-process services in Node, the renderer and the contract over
 * loopback HTTP/WebSocket. Used by `xcap web`, `npm run web` and `npm start` when Electron cannot start.
 */
import { chooseKeychain } from '../services/keychain-choice';
import { createConsoleServices, type ConsoleServices } from '../services/console-services';
import { ensureRendererBuilt } from './renderer-build';
import { startWebServer, type WebServer } from './web-server';

export interface BrowserModeOptions {
  readonly configDir: string;
  readonly port?: number;
  /** Messages for people (stderr): never the URL, which goes first to stdout. */
  readonly log: (line: string) => void;
}

export interface BrowserMode {
  readonly web: WebServer;
  readonly services: ConsoleServices;
  close(): Promise<void>;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const staticDir = await ensureRendererBuilt(options.log);
  const { keychain, kind } = await chooseKeychain(options.log);
  const services = await createConsoleServices({ configDir: options.configDir, keychain, keychainKind: kind, mode: 'browser' });
  let web: WebServer;
  try {
    web = await startWebServer({ services, staticDir, ...(options.port !== undefined && { port: options.port }) });
  } catch (error) {
    await services.close();
    throw error;
  }
  return {
    web,
    services,
    async close() {
      await web.close();
      await services.close();
    },
  };
}

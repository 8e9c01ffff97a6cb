/**
 * The Electron main process: the same console services as browser mode, behind Electron IPC, with
 * the renderer on app://xcap. Hardening lives in hardening.ts.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { defaultConfigDir } from '../profiles';
import { chooseKeychain } from '../services/keychain-choice';
import { createConsoleServices } from '../services/console-services';
import { APP_SCHEME, serveRenderer } from './app-protocol';
import { APP_ENTRY, createHardenedWindow, hardenSession, hardenWebContents, isTrustedSender, openExternalSafely } from './hardening';
import { registerIpcHandlers, sendEvent } from './ipc-main';
import { menuTemplate } from './menu';
import { loadWindowState, rememberWindowState } from './window-state';

// Bundled to dist/electron/main.js; the renderer build is dist/renderer, the preload beside this file.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const configDir = defaultConfigDir();

app.enableSandbox();
app.setPath('userData', configDir); // the CLI and the app share profiles.json
protocol.registerSchemesAsPrivileged([APP_SCHEME]);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  serveRenderer(protocol, RENDERER_DIR);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, (url) => openExternalSafely(shell, url))));

  const { keychain, kind } = await chooseKeychain((line) => console.error(line));
  const services = await createConsoleServices({ configDir, keychain, keychainKind: kind, mode: 'electron' });
  registerIpcHandlers(ipcMain, services.handlers, isTrustedSender);

  const state = loadWindowState(configDir, screen.getAllDisplays().map((d) => d.workArea));
  const window = createHardenedWindow(BrowserWindow, PRELOAD, state.placed ? state.bounds : { width: state.bounds.width, height: state.bounds.height });
  if (state.maximized) window.maximize();
  rememberWindowState(window, configDir);
  window.once('ready-to-show', () => window.show());
  const stopEvents = services.onEvent((channel, payload) => sendEvent(window.webContents, channel, payload));
  app.on('second-instance', () => window.isMinimized() ? window.restore() : window.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopEvents();
    void services.close();
  });
  await window.loadURL(APP_ENTRY);
}).catch((error: unknown) => {
  console.error(`XCAP Console could not start: ${(error as Error).message}`);
  app.exit(1);
});

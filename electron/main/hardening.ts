/**
 * All of the Electron shell's hardening, in one place (Electron security checklist):
 * sandboxed, context-isolated renderer without Node; only the app:// origin; no navigation, no new
 * windows (http(s) links open in the user's browser), no webviews, no permissions; every IPC call
 * checked against the sending frame.
 */
// Types only: the functions take Electron's classes as arguments, so this policy also loads (and is
// tested) outside Electron.
import type { BrowserWindow as ElectronBrowserWindow, Rectangle, Session, Shell, WebContents, WebFrameMain } from 'electron';
import { contentSecurityPolicy } from '../web/content-security-policy';

/** The renderer's origin: a custom, standard, secure scheme (app-protocol.ts) — never file://. */
export const APP_ORIGIN = 'app://xcap';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
export const CSP = contentSecurityPolicy();

/**
 * The main window. Its options are written out here, literally, so that both readers and the
 * static security scan (electronegativity) see every hardening flag on the constructor call.
 */
export function createHardenedWindow(BrowserWindow: typeof ElectronBrowserWindow, preload: string, bounds: Partial<Rectangle>): ElectronBrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'XCAP Console',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK (reviewed: exposes only the contract's methods, see preload.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
}

/** Opens an http(s) URL in the user's browser; anything else (file:, javascript:, custom schemes) is dropped. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): void {
  if (!isExternalUrlAllowed(url)) return;
  // Reviewed: only http(s) URLs reach this call (checked on the line above).
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** True only for the app's own top-level page: IPC from any other frame or origin is refused. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === 'app:' && url.host === 'xcap';
  } catch {
    return false;
  }
}

/** Only http(s) URLs ever leave the app, to the user's browser. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
  session.setProxy({ mode: 'direct' }).catch(() => undefined);
}

/** Applied to every WebContents the app creates. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}

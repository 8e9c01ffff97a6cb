/** The main window's bounds and maximized state, remembered in `<config>/window-state.json`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { replaceFileAtomically } from '../profiles/atomic-file';

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1400, height: 900 }, maximized: false };

/** The saved state, when it still fits one of the current displays' work areas. */
export function loadWindowState(configDir: string, workAreas: readonly Rectangle[]): WindowState & { placed: boolean } {
  try {
    const saved = JSON.parse(readFileSync(join(configDir, 'window-state.json'), 'utf8')) as WindowState;
    const { x, y, width, height } = saved.bounds;
    if (![x, y, width, height].every(Number.isFinite) || width < 400 || height < 300) return { ...DEFAULT, placed: false };
    const visible = workAreas.some((area) => x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y);
    return { bounds: saved.bounds, maximized: saved.maximized === true, placed: visible };
  } catch {
    return { ...DEFAULT, placed: false };
  }
}

export function rememberWindowState(window: BrowserWindow, configDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    void replaceFileAtomically(join(configDir, 'window-state.json'), JSON.stringify(state)).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

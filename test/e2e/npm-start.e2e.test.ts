/**
 * `npm start` on a machine where Electron cannot start (its binary is missing — here simulated by
 * pointing Electron at an empty directory, as on machines that cannot download it): one clear line,
 * then browser mode with a working URL. `npm run web` serves the same.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserModeProcess } from './support/browser-mode-process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function expectWorkingUrl(url: string): Promise<void> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="app">');
  const refused = await fetch(new URL(url).origin + '/');
  expect(refused.status).toBe(403);
}

describe('npm start / npm run web', () => {
  it('npm start without the Electron binary: says so in one line and starts browser mode', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-electron-'));
    const previous = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    process.env.ELECTRON_OVERRIDE_DIST_PATH = empty;
    const configDir = await mkdtemp(join(tmpdir(), 'xcap-start-'));
    try {
      const web = await startBrowserModeProcess({ configDir, command: [npm, 'start', '--silent', '--', '--port', '0', '--config', configDir] });
      try {
        const notice = web.stderr().split('\n').filter((line) => line.includes('Electron cannot start'));
        expect(notice).toHaveLength(1);
        expect(notice[0]).toMatch(/^xcap-console: Electron cannot start here \(.+\); starting browser mode instead\.$/);
        await expectWorkingUrl(web.url);
      } finally {
        await web.stop();
      }
    } finally {
      if (previous === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
      else process.env.ELECTRON_OVERRIDE_DIST_PATH = previous;
      await rm(empty, { recursive: true, force: true });
      await rm(configDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('npm run --silent web: the URL is the first line of standard output', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'xcap-web-'));
    try {
      const web = await startBrowserModeProcess({ configDir, command: [npm, 'run', '--silent', 'web', '--', '--port', '0', '--config', configDir] });
      try {
        expect(web.firstLine).toBe(web.url);
        await expectWorkingUrl(web.url);
      } finally {
        await web.stop();
      }
    } finally {
      await rm(configDir, { recursive: true, force: true });
    }
  }, 120_000);
});

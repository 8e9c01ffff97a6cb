/**
 * Browser mode end to end, in Debian's Chromium: the token lets the page in; no token, a wrong token,
 * a foreign Host (DNS rebinding) or a foreign Origin are refused; on a first run the embedded sandbox
 * profile shows alice's documents.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from './support/chromium';
import { useConsoleSession } from './support/console-session';
import { chromium } from 'playwright-core';

const session = useConsoleSession();

describe('browser mode', () => {
  it('with the token: the first-run sandbox profile shows alice\'s documents', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.web.url);
    await expect.poll(() => page.getByRole('treeitem', { name: 'resource-lists index' }).count(), { timeout: 45_000 }).toBe(1);
    await expect.poll(() => page.getByRole('combobox', { name: 'Profile' }).inputValue()).toBe('Local sandbox');
    for (const auid of ['pres-rules', 'pidf-manipulation']) expect(await page.getByRole('treeitem', { name: new RegExp(`^${auid} `) }).count()).toBeGreaterThan(0);
    await page.getByRole('treeitem', { name: 'resource-lists index' }).getByRole('button').click();
    await expect.poll(() => page.locator('.monaco-editor .view-lines').first().innerText(), { timeout: 15_000 }).toContain('Presence_fellows');
    await page.screenshot({ path: 'test/e2e/screenshots/browser-mode-first-run.png' });
    // The URL keeps working after a reload without the token (HttpOnly cookie for this port).
    await page.goto(session.web.origin + '/');
    await expect.poll(() => page.getByRole('treeitem', { name: 'resource-lists index' }).count(), { timeout: 45_000 }).toBe(1);
    await page.close();
  }, 120_000);

  it('without a token, or with a wrong one: refused', async () => {
    const fresh = await launchChromium();
    try {
      const page = await fresh.context.newPage();
      const none = await page.goto(session.web.origin + '/');
      expect(none?.status()).toBe(403);
      expect(await page.textContent('body')).toMatch(/missing token/);
      const wrong = await page.goto(`${session.web.origin}/?token=${'A'.repeat(43)}`);
      expect(wrong?.status()).toBe(403);
      expect(await page.textContent('body')).toMatch(/wrong token/);
      // Nor can a page without the cookie open the contract's socket.
      const opened = await page.evaluate((origin) => new Promise<boolean>((resolve) => {
        const socket = new WebSocket(origin.replace('http', 'ws') + '/ipc');
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
      }), session.web.origin);
      expect(opened).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('a foreign Host (a DNS-rebinding name resolving to 127.0.0.1): refused even with the token', async () => {
    const port = new URL(session.web.url).port;
    const profile = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/xcap-rebind-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP rebind.example 127.0.0.1'],
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(`http://rebind.example:${port}/?token=${new URL(session.web.url).searchParams.get('token')}`);
      expect(response?.status()).toBe(421);
      expect(await page.textContent('body')).toMatch(/wrong Host/);
    } finally {
      await context.close();
    }
  });

  it('a foreign Origin (another local page): its socket is refused even though the browser sends the cookie', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.web.url); // sets the cookie in this browser
    const other: Server = createServer((_, response) => response.end('<!doctype html><title>other</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const result = await page.evaluate((origin) => new Promise<string>((resolve) => {
        const socket = new WebSocket(origin.replace('http', 'ws') + '/ipc');
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      }), session.web.origin);
      expect(result).toBe('refused');
      const status = await page.evaluate((origin) => fetch(origin + '/', { credentials: 'include' }).then((r) => r.status, () => 0), session.web.origin);
      expect(status === 403 || status === 0).toBe(true); // 403, or blocked by CORS before we see it
    } finally {
      other.close();
      await page.close();
    }
  });
});

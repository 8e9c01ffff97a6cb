/**
 * The usual end-to-end fixture: browser mode on a fresh configuration (first run: the embedded
 * sandbox and its "Local sandbox" profile) and a fresh Chromium, for one test file.
 *
 * When a test fails, every page still open is photographed into test/e2e/failures/ and its alerts
 * and browser-mode's standard error are printed: a CI log then says what the user would have seen.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { startBrowserModeProcess, type BrowserModeProcess } from './browser-mode-process';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from './chromium';

export interface ConsoleFixture {
  readonly web: BrowserModeProcess;
  readonly browser: Chromium;
}

const FAILURES = 'test/e2e/failures';

/** Registers beforeAll/afterEach/afterAll; the returned object is filled before the first test runs. */
export function useConsoleSession(): ConsoleFixture {
  // A UI test drives a browser, a server and the console's workers on two shared cores: the
  // default 20 s per test is too tight on a busy CI machine (the tests wait on conditions, not time).
  vi.setConfig({ testTimeout: 90_000 });
  const fixture = {} as { web: BrowserModeProcess; browser: Chromium };
  beforeAll(async () => {
    fixture.web = await startBrowserModeProcess();
    fixture.browser = await launchChromium();
  }, 120_000);
  useFailureReport(() => fixture.browser?.context.pages() ?? [], () => fixture.web?.stderr() ?? '');
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.web?.stop();
  });
  return fixture;
}

/**
 * When a test of this file fails: photographs `pages()` into test/e2e/failures/ and prints their
 * alerts and browser mode's standard error, so a CI log says what the user would have seen.
 */
export function useFailureReport(pages: () => readonly Page[], stderr: () => string): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(FAILURES, { recursive: true });
    const slug = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    for (const [index, page] of pages().entries()) {
      const path = `${FAILURES}/${slug}-${index}.png`;
      await page.screenshot({ path, timeout: 5_000 }).catch(() => undefined);
      const alerts = await page.getByRole('alert').allTextContents().catch(() => []);
      console.error(`[e2e failure] page ${index}: screenshot ${path}; alerts: ${JSON.stringify(alerts)}`);
    }
    console.error(`[e2e failure] browser mode's standard error:\n${stderr()}`);
  }, 30_000);
}

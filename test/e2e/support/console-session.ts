/**
 * The usual end-to-end fixture: browser mode on a fresh configuration (first run: the embedded
 * sandbox and its "Local sandbox" profile) and a fresh Chromium, for one test file.
 */
import { afterAll, beforeAll } from 'vitest';
import { startBrowserModeProcess, type BrowserModeProcess } from './browser-mode-process';
import { launchChromium, type Chromium } from './chromium';

export interface ConsoleFixture {
  readonly web: BrowserModeProcess;
  readonly browser: Chromium;
}

/** Registers beforeAll/afterAll; the returned object is filled before the first test runs. */
export function useConsoleSession(): ConsoleFixture {
  const fixture = {} as { web: BrowserModeProcess; browser: Chromium };
  beforeAll(async () => {
    fixture.web = await startBrowserModeProcess();
    fixture.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.web?.stop();
  });
  return fixture;
}

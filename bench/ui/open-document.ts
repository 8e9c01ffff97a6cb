/**
 * UI figure: open a 10,000-entry resource-lists document in the console (browser mode, Debian's
 * Chromium) until the element tree shows its rows and the editor shows the text. Measured from the
 * click on "Open" in the page's own clock; the server round trip is included, as a user sees it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../test/e2e/support/chromium';
import { startBrowserModeProcess } from '../../test/e2e/support/browser-mode-process';
import { resourceListsDocument } from '../generate';

const ALICE = 'sip:alice@example.com';

/** In page functions (serialized, so self-contained): the page's document, typed narrowly — this file is type-checked without DOM types, and the CSP forbids evaluating strings. */
const RUNS = 7;

type PageDocument = { querySelector(selector: string): { textContent: string | null } | null; querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };

export async function openDocumentBench(): Promise<{ label: string; value: string }[]> {
  const web = await startBrowserModeProcess();
  const browser = await launchChromium();
  try {
    const root = (/Embedded sandbox: (\S+)/.exec(web.stderr()) ?? [])[1];
    if (!root) throw new Error(`no sandbox root in: ${web.stderr()}`);
    const text = resourceListsDocument(10_000);
    const path = `resource-lists/users/${ALICE}/bench10k`;
    const put = spawnSync(process.execPath, ['bin/xcap.js', 'put', `${root}/${path}`, '--stdin', '--user', ALICE], { input: text, encoding: 'utf8', env: { ...process.env, XCAP_PASSWORD: 'alice' } });
    if (put.status !== 0) throw new Error(`could not store the document: ${put.stderr}`);
    const page = await browser.context.newPage();
    await page.goto(web.url);
    await page.getByRole('textbox', { name: 'Open document by path' }).waitFor();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Open another document first, so each run opens the big one from scratch.
      await page.getByRole('textbox', { name: 'Open document by path' }).fill(`resource-lists/users/${ALICE}/index`);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await page.waitForFunction(() => (globalThis as unknown as { document: PageDocument }).document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('Presence_fellows'));
      await page.getByRole('textbox', { name: 'Open document by path' }).fill(path);
      const started = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      const ready = await page.waitForFunction(
        () => {
          const { document } = globalThis as unknown as { document: PageDocument };
          const rows = [...document.querySelectorAll('[role="tree"][aria-label="Element tree"] [role="treeitem"]')];
          const editor = document.querySelector('.monaco-editor .view-lines')?.textContent ?? '';
          return rows.some((row) => (row.textContent ?? '').includes('sip:user0@example.com')) && editor.includes('sip:user0@example.com') ? performance.now() : null;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push((await ready.jsonValue()) as number - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    return [
      { label: 'open a 10k-entry document (tree + editor ready), median', value: `${median.toFixed(0)} ms (target ≤ 500 ms; ${RUNS} runs, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms)` },
    ];
  } finally {
    await browser.close();
    await web.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await openDocumentBench()) console.log(`${row.label.padEnd(62)} ${row.value}`);
}

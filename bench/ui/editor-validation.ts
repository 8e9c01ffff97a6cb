/**
 * UI benchmark, in Debian's Chromium: keystroke → validation markers on a ~1 MB resource-lists
 * document (issue 6 target ≤ 150 ms), and the time until the editor is ready.
 *
 * The page (bench/ui/pages: XmlEditor on a generated document) is built with Vite's JS API into a
 * temporary directory and served by a small static server on 127.0.0.1 with the renderer's CSP, so
 * Monaco, the validation worker and libxml2's WebAssembly run exactly as in the app.
 *
 * A keystroke is a real key press (page.keyboard) that makes the document invalid (typing "x" into an
 * attribute name in the middle of the document) or valid again (Backspace); its latency runs from the
 * keydown event's timestamp to XmlEditor's onmarkers. Keystrokes are spaced by a pause, as when
 * someone types a character and looks; a burst figure shows the debounce: 5 keys 40 ms apart, from
 * the last key to the markers.
 *
 * `node --import tsx bench/ui/editor-validation.ts [entries]` prints the figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../electron/web/content-security-policy';
import { launchChromium } from '../../test/e2e/support/chromium';

const PAGES = fileURLToPath(new URL('./pages', import.meta.url));
/** ~1 MiB: the generator writes about 101 bytes per entry. */
const DEFAULT_ENTRIES = 10_400;

interface BenchState {
  bytes: number;
  editorReadyAt: number | null;
  keys: number[];
  markers: { at: number; count: number; first: string | null }[];
  placeCursorAfter(needle: string): boolean;
}
declare const window: { xcapBench: BenchState };

export async function editorValidationBench(entries = DEFAULT_ENTRIES): Promise<{ label: string; value: string }[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'xcap-bench-ui-'));
  let server: Server | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    await build({
      configFile: false,
      root: PAGES,
      base: './',
      logLevel: 'warn',
      plugins: [svelte()],
      build: { outDir, emptyOutDir: true, target: 'es2023', chunkSizeWarningLimit: 8192, reportCompressedSize: false, rollupOptions: { input: join(PAGES, 'editor.html') } },
      worker: { format: 'es' },
    });
    server = await serve(outDir);
    const { port } = server.address() as AddressInfo;
    browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/editor.html?entries=${entries}`);
    await page
      .waitForFunction(() => window.xcapBench?.editorReadyAt !== null && window.xcapBench.markers.length > 0, undefined, { timeout: 60_000 })
      .catch((error: Error) => {
        throw new Error(`the editor did not become ready: ${error.message}\npage errors:\n${errors.join('\n')}`);
      });
    const ready = await page.evaluate(() => ({ editor: window.xcapBench.editorReadyAt ?? 0, markers: window.xcapBench.markers[0]?.at ?? 0, bytes: window.xcapBench.bytes, count: window.xcapBench.markers[0]?.count }));
    if (ready.count !== 0) throw new Error(`the generated document should be valid, got ${ready.count} markers`);

    const middle = Math.floor(entries / 2);
    // The cursor after the attribute name `uri` of an entry in the middle: "x" makes it `urix`.
    const needle = `<entry uri="sip:user${middle}@example.com">\n      <display-name>User ${middle}</display-name>\n    </entry>\n    <entry uri`;
    if (!(await page.evaluate((text) => window.xcapBench.placeCursorAfter(text), needle))) throw new Error('the middle entry is not in the document');
    await page.waitForTimeout(500);

    // Warm-up (JIT, first schema compile already done by the initial validation), then measured keystrokes.
    for (let i = 0; i < 4; i++) await keystroke(page, i % 2 === 0 ? 'x' : 'Backspace');
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { latency, count } = await keystroke(page, i % 2 === 0 ? 'x' : 'Backspace');
      if ((i % 2 === 0) !== count > 0) throw new Error(`keystroke ${i}: expected ${i % 2 === 0 ? 'markers' : 'no markers'}, got ${count}`);
      latencies.push(latency);
    }
    const bursts: number[] = [];
    for (let i = 0; i < 5; i++) bursts.push(await burst(page));
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    return [
      { label: `editor: document size`, value: `${(ready.bytes / 1024 / 1024).toFixed(2)} MiB (${entries.toLocaleString('en')} entries)` },
      { label: 'editor: page load → editor rendered', value: `${ready.editor.toFixed(0)} ms` },
      { label: 'editor: page load → first validation markers', value: `${ready.markers.toFixed(0)} ms` },
      { label: 'editor: keystroke → validation markers, median (20 keys)', value: `${percentile(latencies, 0.5).toFixed(0)} ms` },
      { label: 'editor: keystroke → validation markers, p95', value: `${percentile(latencies, 0.95).toFixed(0)} ms` },
      { label: 'editor: burst of 5 keys 40 ms apart, last key → markers, median', value: `${percentile(bursts, 0.5).toFixed(0)} ms` },
    ];
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Presses `key`; resolves with the time from its keydown to the next markers update, and their count. */
async function keystroke(page: Page, key: string): Promise<{ latency: number; count: number }> {
  const before = await page.evaluate(() => ({ keys: window.xcapBench.keys.length, markers: window.xcapBench.markers.length }));
  await page.keyboard.press(key);
  await page.waitForFunction((n) => window.xcapBench.markers.length > n, before.markers, { timeout: 10_000, polling: 'raf' });
  const result = await page.evaluate((k) => ({ key: window.xcapBench.keys[k] ?? 0, marker: window.xcapBench.markers.at(-1) }), before.keys);
  await page.waitForTimeout(250);
  return { latency: (result.marker?.at ?? 0) - result.key, count: result.marker?.count ?? -1 };
}

/** Types "abcde" into the attribute name 40 ms apart, then measures the last key → markers, and undoes it. */
async function burst(page: Page): Promise<number> {
  const before = await page.evaluate(() => ({ keys: window.xcapBench.keys.length, markers: window.xcapBench.markers.length }));
  await page.keyboard.type('abcde', { delay: 40 });
  await page.waitForFunction((n) => window.xcapBench.markers.length > n && (window.xcapBench.markers.at(-1)?.count ?? 0) > 0, before.markers, { timeout: 10_000, polling: 'raf' });
  const result = await page.evaluate((k) => ({ key: window.xcapBench.keys[k + 4] ?? 0, marker: window.xcapBench.markers.at(-1)?.at ?? 0 }), before.keys);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.xcapBench.markers.at(-1)?.count === 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(250);
  return result.marker - result.key;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The built page, with the renderer's Content-Security-Policy on every response. */
function serve(root: string): Promise<Server> {
  const csp = contentSecurityPolicy();
  const server = createServer((request, response) => {
    if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^([/\\])+/, '');
    const file = join(root, path || 'editor.html');
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = process.argv[2] ? Number(process.argv[2]) : DEFAULT_ENTRIES;
  for (const { label, value } of await editorValidationBench(entries)) console.log(`${label.padEnd(66)} ${value}`);
}

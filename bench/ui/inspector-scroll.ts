/**
 * UI bench: the traffic inspector with 100,000 exchanges, scrolled in Debian's Chromium. Builds a
 * page that mounts the real component on a fake XcapApi (bench/ui/pages/), serves it on loopback,
 * scrolls the list programmatically every animation frame for ~3 s and reports the frame rate
 * (median frame interval → fps) and the worst 5% of frame intervals. Target: ≥ 50 fps.
 *
 * `node --import tsx bench/ui/inspector-scroll.ts` runs it alone.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const CHROMIUM = process.env.XCAP_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EXCHANGES = 100_000;
const SCROLL_MS = 3_000;
/** Pixels per frame: 50 rows, so every frame renders an entirely new window of rows (the worst case of a fast flick or a scrollbar drag). */
const STEP_PX = 1_200;

interface ScrollFigures {
  readonly frames: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly worstMs: number;
  readonly rowsRendered: number;
}

export async function inspectorScrollBench(): Promise<{ label: string; value: string }[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'xcap-bench-ui-'));
  const cleanup: (() => Promise<void>)[] = [() => rm(outDir, { recursive: true, force: true })];
  try {
    await build({
      root: PAGES,
      configFile: false,
      plugins: [svelte()],
      base: './',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, target: 'es2023', reportCompressedSize: false, rollupOptions: { input: join(PAGES, 'inspector.html') } },
    });
    const server = await serveDirectory(outDir);
    cleanup.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    cleanup.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const port = (server.address() as AddressInfo).port;
    const loadStart = Date.now();
    await page.goto(`http://127.0.0.1:${port}/inspector.html?count=${EXCHANGES}`);
    await page.getByText(`${EXCHANGES.toLocaleString('en')} exchanges`).waitFor({ timeout: 60_000 });
    const loadMs = Date.now() - loadStart;
    // Select a row first, as a user would, so the detail pane is part of what each frame lays out.
    await page.getByRole('row').nth(3).click();
    await page.waitForTimeout(300);
    const run = async (durationMs: number, stepPx: number) => (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify({ durationMs, stepPx })})`)) as ScrollFigures;
    // The same loop without scrolling: what this machine's headless Chromium delivers at all.
    const idle = await run(1_000, 0);
    // Chromium's own accounting of the main thread's work during the scroll.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    const figures = await run(SCROLL_MS, STEP_PX);
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const perFrame = (name: string) => {
      const delta = (after.find((m) => m.name === name)?.value ?? 0) - (before.find((m) => m.name === name)?.value ?? 0);
      return ((delta * 1000) / Math.max(1, figures.frames)).toFixed(1);
    };
    const fps = 1000 / figures.medianMs;
    return [
      { label: `[ui] inspector, ${EXCHANGES.toLocaleString('en')} exchanges: page load to list ready`, value: `${loadMs} ms` },
      { label: `[ui] inspector scroll (${STEP_PX / 24} rows/frame for ${SCROLL_MS / 1000} s): median fps`, value: `${fps.toFixed(1)} fps (median frame ${figures.medianMs.toFixed(1)} ms, ${figures.frames} frames; target ≥ 50 fps)` },
      { label: '[ui] inspector scroll: worst 5% frame time', value: `p95 ${figures.p95Ms.toFixed(1)} ms, max ${figures.worstMs.toFixed(1)} ms (${figures.rowsRendered} rows in the DOM)` },
      { label: '[ui] inspector scroll: main thread per frame', value: `script ${perFrame('ScriptDuration')} ms, style ${perFrame('RecalcStyleDuration')} ms, layout ${perFrame('LayoutDuration')} ms` },
      { label: '[ui] baseline, same page not scrolling: median fps', value: `${(1000 / idle.medianMs).toFixed(1)} fps (p95 frame ${idle.p95Ms.toFixed(1)} ms)` },
    ];
  } finally {
    for (const step of cleanup) await step();
  }
}

// Runs in the page (a string, so the Node-typed bench needs no DOM types): scroll every frame,
// bouncing between the ends, and collect the frame intervals.
const SCROLL_SCRIPT = `async ({ durationMs, stepPx }) => {
  const viewport = document.querySelector('[role="grid"] .viewport');
  if (!viewport) throw new Error('no inspector viewport');
  const intervals = [];
  let direction = 1;
  let rowsRendered = 0;
  await new Promise((resolve) => {
    let last = null;
    let started = null;
    const frame = (now) => {
      if (started === null) started = now;
      if (last !== null) intervals.push(now - last);
      last = now;
      const max = viewport.scrollHeight - viewport.clientHeight;
      let next = viewport.scrollTop + direction * stepPx;
      if (next >= max || next <= 0) { direction = -direction; next = Math.min(max, Math.max(0, next)); }
      viewport.scrollTop = next;
      rowsRendered = Math.max(rowsRendered, viewport.querySelectorAll('[role="row"]').length);
      if (now - started < durationMs) requestAnimationFrame(frame); else resolve();
    };
    requestAnimationFrame(frame);
  });
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { frames: intervals.length, medianMs: at(0.5), p95Ms: at(0.95), worstMs: sorted[sorted.length - 1], rowsRendered };
}`;

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

async function serveDirectory(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { label, value } of await inspectorScrollBench()) console.log(`${label.padEnd(72)} ${value}`);
}

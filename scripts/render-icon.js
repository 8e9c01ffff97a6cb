// Renders build/icon.svg to build/icon.png (512×512, what electron-builder derives every platform's
// icon from) with Debian's Chromium. Run by hand after changing the SVG; the PNG is committed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const svg = await readFile('build/icon.svg', 'utf8');
const profile = await mkdtemp(join(tmpdir(), 'xcap-icon-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 512, height: 512 } });
const page = await context.newPage();
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
await context.close();
await rm(profile, { recursive: true, force: true });

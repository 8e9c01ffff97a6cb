/**
 * The traffic inspector end to end, in browser mode against the embedded sandbox. The console's
 * first requests (xcap-caps, the directory) each meet a Digest challenge (401) and are answered
 * (200, attempt auth-retry); opening alice's resource-lists document then reuses the nonce (200
 * with an Authorization header). The inspector lists them live, shows the challenge, keeps the
 * Authorization header redacted until "Reveal credentials", and exports a HAR that parses back with
 * no Digest response hash in it.
 *
 * The shell places the inspector in a region named "Traffic inspector", shown by a tab (or button)
 * named "Traffic".
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useConsoleSession } from './support/console-session';

const session = useConsoleSession();

const DOCUMENT_PATH = '/xcap-root/resource-lists/users/sip:alice@example.com/index';

async function openTraffic(page: Page): Promise<Locator> {
  const tab = page.getByRole('tab', { name: 'Traffic', exact: true }).or(page.getByRole('button', { name: 'Traffic', exact: true }));
  await tab.first().click();
  const region = page.getByRole('region', { name: 'Traffic inspector' }).first();
  await region.waitFor({ state: 'visible', timeout: 10_000 });
  return region;
}

/** Rows of the exchange grid for this decoded URL path with this status (the cells' exact texts). */
function rowsFor(inspector: Locator, path: string, status: string): Locator {
  const page = inspector.page();
  return inspector
    .getByRole('grid', { name: 'Exchanges' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: path, exact: true }) })
    .filter({ has: page.getByRole('gridcell', { name: status, exact: true }) });
}

function headerValue(inspector: Locator, table: 'Request headers' | 'Response headers', name: string): Locator {
  return inspector.getByRole('table', { name: table }).getByRole('row').filter({ has: inspector.page().getByRole('rowheader', { name: new RegExp(`^${name}$`, 'i') }) }).getByRole('cell');
}

describe('traffic inspector', () => {
  it('shows the digest challenge and its answer, reveals credentials on request, exports a redacted HAR', async () => {
    const page = await session.browser.context.newPage();
    page.setDefaultTimeout(15_000); // a failing step names itself instead of the test timing out
    await page.goto(session.web.url);
    const document = page.getByRole('treeitem', { name: 'resource-lists index' });
    await expect.poll(() => document.count(), { timeout: 20_000 }).toBe(1);
    await document.getByRole('button').click();

    const inspector = await openTraffic(page);
    const grid = inspector.getByRole('grid', { name: 'Exchanges' });
    const opened = rowsFor(inspector, DOCUMENT_PATH, '200');
    await expect.poll(() => opened.count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // A 401 and, for the same URL, the client's answer to the challenge.
    const challenged = grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: '401', exact: true }) }).first();
    await challenged.waitFor({ timeout: 10_000 });
    const challengedPath = (await challenged.getByRole('gridcell').nth(6).textContent()) ?? '';
    expect(challengedPath).toMatch(/^\/xcap-root\//);
    const answered = rowsFor(inspector, challengedPath, '200').filter({ has: page.getByRole('gridcell', { name: 'auth-retry', exact: true }) });
    expect(await answered.count()).toBe(1);

    // The 401: the Digest challenge in the response headers.
    await challenged.click();
    await inspector.getByRole('tab', { name: 'Response' }).click();
    const challenge = headerValue(inspector, 'Response headers', 'www-authenticate');
    await expect.poll(() => challenge.first().textContent(), { timeout: 10_000 }).toMatch(/^Digest .*realm="[^"]+".*nonce="[^"]+"/);
    await answered.click();
    await inspector.getByRole('tab', { name: 'Request' }).click();
    await expect.poll(() => headerValue(inspector, 'Request headers', 'authorization').textContent(), { timeout: 10_000 }).toMatch(/^Digest .*response=<redacted>/);

    // The document's 200: Authorization redacted until revealed, for this exchange only.
    await opened.last().click();
    const authorization = headerValue(inspector, 'Request headers', 'authorization');
    await expect.poll(() => authorization.textContent(), { timeout: 10_000 }).toMatch(/^Digest .*username="[^"]+".*response=<redacted>/);
    const reveal = inspector.getByRole('button', { name: 'Reveal credentials' });
    expect(await reveal.getAttribute('aria-pressed')).toBe('false');
    await reveal.click();
    await expect.poll(() => authorization.textContent(), { timeout: 10_000 }).toMatch(/response="[0-9a-f]{32,}"/);
    const hash = /response="([0-9a-f]+)"/.exec((await authorization.textContent()) ?? '')?.[1] ?? 'none';
    expect(await reveal.getAttribute('aria-pressed')).toBe('true');
    // Switching exchange turns it off again.
    await challenged.click();
    await opened.last().click();
    expect(await reveal.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => authorization.textContent(), { timeout: 10_000 }).toMatch(/response=<redacted>/);
    await page.screenshot({ path: 'test/e2e/screenshots/traffic-inspector.png' });

    // Export all as HAR: every listed exchange, no Digest response hash, no password.
    const listed = Number(await grid.getAttribute('aria-rowcount')) - 1;
    const [download] = await Promise.all([page.waitForEvent('download'), inspector.getByRole('button', { name: 'Export all as HAR' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.har$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    const har = JSON.parse(text) as { log: { entries: { request: { url: string; headers: { name: string; value: string }[] }; response: { status: number } }[] } };
    expect(har.log.entries.length).toBe(listed);
    const documentEntries = har.log.entries.filter((entry) => decodeURIComponent(new URL(entry.request.url).pathname) === DOCUMENT_PATH);
    expect(documentEntries.map((entry) => entry.response.status)).toContain(200);
    expect(har.log.entries.map((entry) => entry.response.status)).toContain(401);
    expect(text).not.toMatch(/\bresponse=(?!<redacted>)/);
    expect(text).not.toContain(hash); // the revealed digest response, nowhere
    expect(text).not.toContain('alice@example.com:alice');
    const authorizations = har.log.entries.flatMap((entry) => entry.request.headers.filter((h) => h.name.toLowerCase() === 'authorization').map((h) => h.value));
    expect(authorizations.length).toBeGreaterThan(0);
    for (const value of authorizations) expect(value).toMatch(/response=<redacted>/);
    await page.close();
  }, 60_000);

  it('a clear in one window empties the list in another', async () => {
    const [first, second] = [await session.browser.context.newPage(), await session.browser.context.newPage()];
    for (const page of [first, second]) {
      page.setDefaultTimeout(15_000);
      await page.goto(session.web.url);
      await expect.poll(() => page.getByRole('treeitem', { name: 'resource-lists index' }).count(), { timeout: 45_000 }).toBe(1);
    }
    const inspectors = [await openTraffic(first), await openTraffic(second)];
    const counts = inspectors.map((inspector) => () => inspector.getByRole('grid', { name: 'Exchanges' }).getAttribute('aria-rowcount'));
    // Loading the tree recorded exchanges (caps, directory): both windows list them.
    for (const count of counts) await expect.poll(async () => Number(await count()), { timeout: 10_000 }).toBeGreaterThan(1);
    await inspectors[0]?.getByRole('button', { name: 'Clear', exact: true }).click();
    for (const count of counts) await expect.poll(async () => Number(await count()), { timeout: 10_000 }).toBe(1); // the header row only
    await first.close();
    await second.close();
  });
});

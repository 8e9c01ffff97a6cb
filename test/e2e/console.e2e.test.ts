/**
 * The console UI in browser mode against the embedded sandbox, in Debian's Chromium:
 * the TS 24.141 A.8.2 flow done in the UI (create the list, add an entry with the playground,
 * delete it, read back), a 412 (another client changed the document through the CLI) resolved in
 * the merge view, and a 409 decoded next to the document. Screenshots in test/e2e/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { A82_CREATED_LIST } from '../../shared/xcap/examples/ts24141-a8';
import { launchChromium, type Chromium } from './support/chromium';
import { startBrowserModeProcess, type BrowserModeProcess } from './support/browser-mode-process';
import { editorText, openDocumentByPath, openFromTree, replaceEditorText } from './support/console-page';
import { useFailureReport } from './support/console-session';
import type { Page } from 'playwright-core';

let web: BrowserModeProcess;
let browser: Chromium;
let page: Page;
let root: string;
const ALICE = 'sip:alice@example.com';

beforeAll(async () => {
  web = await startBrowserModeProcess();
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(web.url);
  root = (/Embedded sandbox: (\S+)/.exec(web.stderr()) ?? [])[1] ?? '';
  expect(root).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xcap-root$/);
}, 120_000);

// UI tests on two shared cores: see useConsoleSession.
vi.setConfig({ testTimeout: 90_000 });

useFailureReport(() => (page ? [page] : []), () => web?.stderr() ?? '');

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** Another client: the xcap CLI with alice's password. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/xcap.js', ...args, '--user', ALICE], { encoding: 'utf8', env: { ...process.env, XCAP_PASSWORD: 'alice' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function playground(method: 'GET' | 'PUT' | 'DELETE', selector: string, body = ''): Promise<void> {
  await page.getByRole('combobox', { name: 'Method' }).selectOption(method);
  await page.getByRole('textbox', { name: 'Node selector' }).fill(selector);
  if (method === 'PUT') await page.getByRole('textbox', { name: 'Body' }).fill(body);
}

describe('the console UI', () => {
  it('A.8.2 in the UI: create the list, add an entry with the playground, delete it, read back', async () => {
    const path = `resource-lists/users/${ALICE}/a82`;
    await openDocumentByPath(page, path);
    expect(await page.getByRole('toolbar', { name: 'Document actions' }).textContent()).toContain('new document');
    await replaceEditorText(page, A82_CREATED_LIST);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Saved (201'));
    expect(cli('get', `${root}/${path}`).stdout).toBe(A82_CREATED_LIST);

    await page.getByRole('tab', { name: 'Playground' }).click();
    const selector = 'resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:user3_public1@home3.net"]';
    await playground('PUT', selector, '<entry uri="sip:user3_public1@home3.net"><display-name>User3</display-name></entry>');
    const planned = await page.getByLabel('Planned request').textContent();
    expect(planned).toContain('PUT ' + root + '/' + path + '/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry%5B@uri=%22sip:user3_public1@home3.net%22%5D');
    expect(planned).toMatch(/If-Match: "[^"]+"/);
    expect(planned).toContain('Content-Type: application/xcap-el+xml');
    expect(await page.getByLabel('Predicted response').textContent()).toMatch(/^201/);
    await page.screenshot({ path: 'test/e2e/screenshots/playground-put-preview.png' });
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContain('Matches the prediction.');
    await page.screenshot({ path: 'test/e2e/screenshots/playground-put-sent.png' });
    expect(cli('get', `${root}/${path}`).stdout).toContain('<entry uri="sip:user3_public1@home3.net"><display-name>User3</display-name></entry>');

    await playground('DELETE', selector);
    expect(await page.getByLabel('Predicted response').textContent()).toMatch(/^200/);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await page.getByLabel('Actual response').textContent()) ?? '', { timeout: 10_000 }).toContain('Matches the prediction.');

    await playground('GET', '');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await page.getByLabel('Actual response').textContent()) ?? '', { timeout: 10_000 }).toContain('Presence_fellows');
    expect(await page.getByLabel('Actual response').textContent()).not.toContain('user3_public1');
    expect(cli('get', `${root}/${path}`).stdout).toBe(A82_CREATED_LIST);
  });

  it('a selector error is shown at its column without sending anything', async () => {
    await playground('GET', 'resource-lists/list[@name="Presence_fellows"');
    const error = await page.getByRole('alert', { name: 'Selector error' }).textContent();
    expect(error).toMatch(/\^/);
  });

  it('412: another client changed the document; the merge view keeps both changes', async () => {
    await page.getByRole('tab', { name: 'Editor' }).click();
    await openFromTree(page, 'resource-lists index');
    const original = await editorText(page);
    expect(original).toContain('Presence_fellows');
    // Another client (the CLI) adds a list meanwhile.
    const put = spawnSync(process.execPath, ['bin/xcap.js', 'put', `${root}/resource-lists/users/${ALICE}/index/~~/resource-lists/list[@name="Colleagues"]`, '--stdin', '--user', ALICE], { input: '<list name="Colleagues"/>', encoding: 'utf8', env: { ...process.env, XCAP_PASSWORD: 'alice' } });
    expect(put.status, put.stderr).toBe(0);
    // We rename bob's display name in our copy.
    await replaceEditorText(page, original.replace('<display-name>bob</display-name>', '<display-name>Bob Builder</display-name>').replace(/\s+$/, '') + '\n');
    await page.getByRole('button', { name: 'Save' }).click();
    const merge = page.getByRole('region', { name: 'Merge conflict' });
    await merge.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: 'test/e2e/screenshots/merge-412.png' });
    await page.getByRole('button', { name: 'Use merged result' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Saved (200'));
    const stored = cli('get', `${root}/resource-lists/users/${ALICE}/index`).stdout;
    expect(stored).toContain('<list name="Colleagues"/>');
    expect(stored).toContain('<display-name>Bob Builder</display-name>');
  });

  it('409: a uniqueness failure is decoded next to the document', async () => {
    const text = await editorText(page);
    await replaceEditorText(page, text.replace('<list name="Colleagues"/>', '<list name="Colleagues"/>\n  <list name="Colleagues"/>'));
    await page.getByRole('button', { name: 'Save' }).click();
    const refused = page.getByRole('alert', { name: 'Save refused' });
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.textContent()).toMatch(/409 uniqueness-failure/);
    await page.screenshot({ path: 'test/e2e/screenshots/save-409-decoded.png' });
  });

  it('unsaved text survives a restart of the page (a draft kept by the main process)', async () => {
    const unsaved = await editorText(page);
    expect(unsaved.match(/<list name="Colleagues"\/>/g)).toHaveLength(2); // the refused edit above, never saved
    await page.waitForTimeout(800); // drafts are written ~0.4 s after the last keystroke
    await page.reload();
    await openFromTree(page, 'resource-lists index');
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('restored'));
    expect((await editorText(page)).match(/<list name="Colleagues"\/>/g)).toHaveLength(2);
  });
});

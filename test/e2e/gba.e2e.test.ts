/**
 * GBA in the UI: a "GBA (software USIM)" profile (IMPI, BSF, USIM keys written once to the
 * keychain) against the sandbox as BSF and NAF; the document opens through Ub + Ua, and the
 * traffic inspector shows the AKA challenge decoded (RAND, AUTN = SQN⊕AK ‖ AMF ‖ MAC), never RES.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox/sandbox-server';
import { Subscriber } from '../../electron/sandbox/gba/subscriber';
import { useConsoleSession } from './support/console-session';
import { openDocumentByPath } from './support/console-page';

// TS 35.208 test set 1.
const K = '465b5ce8b199b49faa5f0a2ee238a6bc';
const OPC = 'cd63cb71954a9f4e48a5994e37a02baf';
const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const IMPU = `sip:${IMPI}`;

const session = useConsoleSession();
let naf: SandboxServer;
let data: string;
let page: Page;

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'xcap-gba-ui-'));
  naf = await startSandboxServer({ dataDirectory: data, gba: { subscribers: [new Subscriber({ impi: IMPI, k: Buffer.from(K, 'hex'), opc: Buffer.from(OPC, 'hex') })] } });
  page = await session.browser.context.newPage();
  await page.goto(session.web.url);
}, 60_000);

afterAll(async () => {
  await naf?.close();
  await rm(data, { recursive: true, force: true });
});

describe('GBA in the console', () => {
  it('a GBA profile bootstraps with the BSF and reads a document; the inspector decodes AKA without RES', async () => {
    await page.getByRole('tab', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Profile settings' });
    await form.getByLabel('Name', { exact: true }).fill('GBA lab');
    await form.getByLabel('XCAP root').fill(naf.rootUrl);
    await form.getByLabel('XUI', { exact: true }).fill(IMPU);
    await form.getByLabel('Authentication').selectOption('gba');
    await form.getByLabel('IMPI').fill(IMPI);
    await form.getByLabel('BSF URL').fill(naf.bsfUrl ?? '');
    await form.getByLabel('USIM K').fill(K);
    await form.getByLabel('USIM operator key', { exact: true }).fill(OPC);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Profile' }).inputValue(), { timeout: 10_000 }).toBe('GBA lab');
    expect(await form.getByLabel('USIM K').inputValue()).toBe('');
    expect(await form.getByLabel('USIM K').getAttribute('placeholder')).toMatch(/USIM keys set/);

    await page.getByRole('tab', { name: 'Documents' }).click();
    await openDocumentByPath(page, `resource-lists/users/${IMPU}/index`);
    await expect.poll(() => page.getByRole('toolbar', { name: 'Document actions' }).textContent(), { timeout: 15_000 }).toContain('new document'); // 404 after authenticating: nothing stored yet

    await page.getByRole('tab', { name: 'Traffic' }).click();
    await page.getByRole('textbox', { name: 'Filter traffic' }).fill('bsf 401');
    await page.getByRole('grid', { name: 'Exchanges' }).getByRole('row').nth(1).click();
    await page.getByRole('tab', { name: 'XCAP' }).click();
    const aka = page.getByRole('region', { name: 'Digest AKA' });
    await expect.poll(() => aka.textContent(), { timeout: 10_000 }).toMatch(/RAND\s*[0-9a-f]{32}/);
    expect(await aka.textContent()).toMatch(/SQN⊕AK\s*[0-9a-f]{12}/);
    expect(await aka.textContent()).toContain('identity only');
    await page.screenshot({ path: 'test/e2e/screenshots/traffic-gba-aka.png' });
  });
});

/**
 * The server quirks registry in the UI, against the real Kamailio: the playground shows, next to
 * the RFC 4825 prediction, what this server is known to do instead, and after sending says that the
 * difference is a known quirk rather than a surprise.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { A82_CREATED_LIST } from '../../shared/xcap/examples/ts24141-a8';
import { useConsoleSession } from '../e2e/support/console-session';
import { openDocumentByPath } from '../e2e/support/console-page';
import { describeInterop } from './support/describe-interop';
import { USERS } from './support/kamailio-peer';

describeInterop('Kamailio quirks in the console UI', (peer) => {
  const session = useConsoleSession();
  let page: Page;

  it('a whole-document create: predicted 201, known to answer 200, and the answer is explained by that quirk', async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.web.url);
    await page.getByRole('tab', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Profile settings' });
    await form.getByLabel('Name', { exact: true }).fill('Kamailio');
    await form.getByLabel('XCAP root').fill(peer().rootUrl);
    await form.getByLabel('XUI', { exact: true }).fill(USERS.alice.xui);
    await form.getByLabel('Username').fill(USERS.alice.username);
    await form.getByLabel('Password').fill(USERS.alice.password);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Profile' }).inputValue(), { timeout: 10_000 }).toBe('Kamailio');

    await page.getByRole('tab', { name: 'Documents' }).click();
    const path = `resource-lists/users/${USERS.alice.xui}/quirks-ui`;
    await openDocumentByPath(page, path);
    await page.getByRole('tab', { name: 'Playground' }).click();
    await page.getByRole('combobox', { name: 'Method' }).selectOption('PUT');
    await page.getByRole('textbox', { name: 'Node selector' }).fill('');
    await page.getByRole('textbox', { name: 'Body' }).fill(A82_CREATED_LIST);
    expect(await page.getByLabel('Predicted response').textContent()).toMatch(/^201/);
    const note = page.getByRole('note', { name: 'Known server quirks' });
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('kamailio-create-200');
    expect(await note.textContent()).toMatch(/^kamailio/);
    await page.screenshot({ path: 'test/e2e/screenshots/playground-kamailio-quirk.png' });
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await page.getByLabel('Actual response').textContent()) ?? '', { timeout: 15_000 }).toContain('exactly as this server is known to: kamailio-create-200');
    await page.screenshot({ path: 'test/e2e/screenshots/playground-kamailio-quirk-sent.png' });
  });
});

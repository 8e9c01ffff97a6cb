/**
 * The XML editor in browser mode, in Debian's Chromium, against the embedded sandbox: opening alice's
 * resource-lists document shows it in Monaco (accessible name "XML editor"); typing a second
 * <list name="Presence_fellows"> (a uniqueness-failure the server would answer with 409) shows a
 * validation marker while typing, computed in the validation worker under the app's CSP.
 */
import { describe, expect, it } from 'vitest';
import { useConsoleSession } from './support/console-session';

const session = useConsoleSession();

describe('XML editor', () => {
  it('a validation error appears as a marker while typing', async () => {
    const page = await session.browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(session.web.url);
    await expect.poll(() => page.getByRole('treeitem', { name: 'resource-lists index' }).count(), { timeout: 45_000 }).toBe(1);
    await page.getByRole('treeitem', { name: 'resource-lists index' }).getByRole('button').click();

    const editor = page.getByRole('textbox', { name: 'XML editor' });
    await expect.poll(() => editor.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('.monaco-editor .view-lines').textContent(), { timeout: 20_000 }).toContain('Presence_fellows');
    // The document as the server has it is valid: no squiggles once validated.
    await page.waitForTimeout(1_000);
    expect(await page.locator('.squiggly-error').count()).toBe(0);

    // Line 3 is `  <list name="Presence_fellows">`: type a sibling list with the same name before it.
    await page.locator('.monaco-editor .view-lines').click();
    await editor.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    const duplicate = '<list name="Presence_fellows"/>';
    const original = ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
    await page.keyboard.insertText(duplicate);
    // Monaco renders spaces as no-break spaces.
    const editorText = async () => ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect.poll(editorText, { timeout: 10_000 }).toContain(`${duplicate}<list name="Presence_fellows">`);

    await expect.poll(() => page.locator('.squiggly-error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Hovering the squiggle shows the decoded problem (uniqueness, with a suggested alternative).
    // Forced: the text layer above the squiggle takes the pointer events; hovered again on each try.
    const hoverText = async () => {
      await page.locator('.squiggly-error').first().hover({ force: true });
      return page.locator('.monaco-hover:not(.hidden)').first().textContent({ timeout: 1_500 }).catch(() => '');
    };
    await expect.poll(hoverText, { timeout: 15_000 }).toMatch(/uniqueness-failure: .*"Presence_fellows" is not unique/);
    await page.screenshot({ path: 'test/e2e/screenshots/editor-validation.png' });

    // The shell's problems list shows the same finding.
    await expect.poll(() => page.getByRole('list', { name: 'Problems' }).textContent(), { timeout: 10_000 }).toMatch(/not unique/);

    // Deleting the copy makes the document valid again and the marker goes away.
    await page.mouse.move(0, 0);
    await editor.focus();
    await page.keyboard.press('Escape'); // close a hover or suggestion widget, if one is open
    // Undo the insertion (the editor may have recorded it as several undo steps).
    // After each step wait for the view to show it: pressing again on a stale view would undo past
    // the insertion (the editor's first undo step is loading the document).
    for (let step = 0; step < 20 && (await editorText()) !== original; step++) {
      const before = await editorText();
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(editorText, { timeout: 5_000 }).not.toBe(before);
    }
    expect(await editorText()).toBe(original);
    await expect.poll(() => page.locator('.squiggly-error').count(), { timeout: 15_000 }).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});

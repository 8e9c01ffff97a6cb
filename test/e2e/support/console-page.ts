/** Steps of the console UI, by role and accessible name (what users and screen readers see). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function openDocumentByPath(page: Page, path: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Open document by path' }).fill(path);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => page.getByRole('toolbar', { name: 'Document actions' }).textContent(), { timeout: 15_000 }).toContain(path.split('/').pop() ?? '');
}

export async function openFromTree(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name }).getByRole('button').click();
  await expect.poll(() => editorText(page), { timeout: 15_000 }).not.toBe('');
}

/** The editor's whole text (through Monaco's model, which the page exposes for nothing else). */
export async function editorText(page: Page): Promise<string> {
  return page.locator('.monaco-editor .view-lines').first().innerText().then((t) => t.replace(/\u00a0/g, ' '));
}

/**
 * Replaces the editor's text as a user would: select all, then paste. (Typed text would be
 * re-indented by the editor as it goes, as it is for a user typing.)
 */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'XML editor' });
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await input.evaluate((element, pasted) => {
    // Runs in the page; this file is type-checked without DOM types, hence the narrow casts.
    const page = globalThis as unknown as { DataTransfer: new () => { setData(type: string, value: string): void }; ClipboardEvent: new (type: string, init: object) => object };
    const data = new page.DataTransfer();
    data.setData('text/plain', pasted);
    (element as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Types at the cursor, key by key (the editor's auto-indent and auto-close apply). */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/**
 * Profiles in the UI: create one, test the connection and see the precise failure (401 with the
 * Digest challenge; TLS with the certificate and a "pin" action), fix the password (sent once,
 * never shown back), test again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox/sandbox-server';
import { useConsoleSession } from './support/console-session';

const session = useConsoleSession();
let tlsSandbox: SandboxServer;
let tlsData: string;
let page: Page;

beforeAll(async () => {
  tlsData = await mkdtemp(join(tmpdir(), 'xcap-tls-sandbox-'));
  tlsSandbox = await startSandboxServer({ dataDirectory: tlsData, tls: true, demo: true });
  page = await session.browser.context.newPage();
  await page.goto(session.web.url);
  await page.getByRole('tab', { name: 'Profiles' }).click();
}, 60_000);

afterAll(async () => {
  await tlsSandbox?.close();
  await rm(tlsData, { recursive: true, force: true });
});

async function fillProfile(fields: { name: string; root: string; xui: string; password?: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Profile settings' });
  await form.getByLabel('Name', { exact: true }).fill(fields.name);
  await form.getByLabel('XCAP root').fill(fields.root);
  await form.getByLabel('XUI', { exact: true }).fill(fields.xui);
  if (fields.password !== undefined) await form.getByLabel('Password').fill(fields.password);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect.poll(() => page.getByRole('region', { name: 'Profiles' }).getByRole('button', { name: fields.name, exact: true }).count()).toBe(1);
}

describe('profiles', () => {
  it('a wrong password: the test names the authentication stage and shows the challenge; the right one connects', async () => {
    const root = (/Embedded sandbox: (\S+)/.exec(session.web.stderr()) ?? [])[1] ?? '';
    await page.getByRole('button', { name: 'New profile' }).click();
    await fillProfile({ name: 'bob (wrong password)', root, xui: 'sip:bob@example.com', password: 'not-bob' });
    expect(await page.getByRole('form', { name: 'Profile settings' }).getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByRole('form', { name: 'Profile settings' }).getByLabel('Password').getAttribute('placeholder')).toMatch(/password set/);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.getByRole('status', { name: 'Connection test result' });
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toMatch(/Failed at AUTH/);
    expect(await report.textContent()).toMatch(/Digest realm="[^"]+"/);
    await page.getByRole('form', { name: 'Profile settings' }).getByLabel('Password').fill('bob');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toMatch(/Connected: 200/);
    expect(await report.textContent()).toContain('resource-lists');
    await page.screenshot({ path: 'test/e2e/screenshots/profiles-connected.png' });
  });

  it('an untrusted TLS certificate: the failure shows it, with a "Pin this certificate" action', async () => {
    await page.getByRole('button', { name: 'New profile' }).click();
    await fillProfile({ name: 'tls lab', root: tlsSandbox.rootUrl, xui: 'sip:alice@example.com', password: 'alice' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.getByRole('status', { name: 'Connection test result' });
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toMatch(/Failed at TLS/);
    const fingerprint = tlsSandbox.fingerprint256 ?? '';
    expect(fingerprint).not.toBe('');
    expect(await report.textContent()).toContain(fingerprint);
    await page.screenshot({ path: 'test/e2e/screenshots/profiles-tls-failure.png' });
    await page.getByRole('button', { name: 'Pin this certificate' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Profile settings' }).getByLabel('Pinned key (sha256/…)').inputValue()).toMatch(/^sha256\/[A-Za-z0-9+/]+=*$/);
  });
});

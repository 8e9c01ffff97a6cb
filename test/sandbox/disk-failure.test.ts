/**
 * The sandbox over a failing disk (failures injected at node:fs, see
 * electron/sandbox/store/test-support/fs-faults.ts): a write the store could not make durable is
 * answered 507 (disk full) or 500 naming the error, the document stays as it was, and the server
 * takes writes again once the store has moved to a new journal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearFaults, faults } from '../../electron/sandbox/store/test-support/fs-faults';
import { DigestSession, etagOf } from './test-support/http';
import { ALICE, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

vi.mock('node:fs', async (importOriginal) => (await import('../../electron/sandbox/store/test-support/fs-faults')).withFaults(await importOriginal()));

const LISTS = 'application/resource-lists+xml';
const list = (name: string) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="${name}"/>
</resource-lists>
`;

let sandbox: TestSandbox | null = null;
afterEach(async () => {
  clearFaults();
  vi.restoreAllMocks();
  await sandbox?.close();
  sandbox = null;
});

async function aliceWithDocument() {
  sandbox = await startTestSandbox();
  const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
  const document = xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui });
  expect((await alice.put(document, list('before'), LISTS)).status).toBe(201);
  return { alice, document, before: await alice.get(document) };
}

describe('the sandbox when its data directory fails', () => {
  it('a disk that fills up during the journal write: 507, the document unchanged, writes accepted again afterwards', async () => {
    const { alice, document, before } = await aliceWithDocument();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    faults.writev.push({ bytes: 10, code: 'ENOSPC' });
    const full = await alice.put(document, list('lost'), LISTS);
    expect(full.status).toBe(507);
    expect(full.text).toContain('ENOSPC');
    expect(full.text).toContain('not stored');
    expect(logged).toHaveBeenCalled();
    const after = await alice.get(document);
    expect(after.text).toBe(before.text);
    expect(etagOf(after)).toBe(etagOf(before));
    await expect.poll(async () => (await alice.put(document, list('after'), LISTS)).status).toBe(200);
    expect((await alice.get(document)).text).toContain('<list name="after"/>');
  });

  it('any other error of the disk: 500 naming it, the document unchanged', async () => {
    const { alice, document, before } = await aliceWithDocument();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    faults.fdatasync.push('EIO');
    const failed = await alice.put(document, list('lost'), LISTS);
    expect(failed.status).toBe(500);
    expect(failed.text).toContain('EIO in fdatasync');
    expect(etagOf(await alice.get(document))).toBe(etagOf(before));
  });
});

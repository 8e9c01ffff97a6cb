import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectorySyncer } from './directory-sync';
import { tempDirectory } from './test-support/temp-store';

describe('DirectorySyncer', () => {
  it('syncs directories and lets concurrent callers share the sync that has not started yet', async () => {
    const directory = tempDirectory();
    const syncer = new DirectorySyncer();
    const first = syncer.sync(directory); // starts on the next microtask
    expect(syncer.sync(directory)).toBe(first); // not started yet: joining it covers this call
    await null; // now `first` is running
    const second = syncer.sync(directory); // a new sync, queued after `first`
    const third = syncer.sync(directory); // joins `second`, which has not started
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    await Promise.all([first, second, third]);
    await syncer.close();
  });

  it('keeps a bounded number of descriptors and still syncs every directory', async () => {
    const root = tempDirectory();
    const syncer = new DirectorySyncer(4);
    const directories = Array.from({ length: 10 }, (_, i) => join(root, `d${i}`));
    for (const directory of directories) mkdirSync(directory);
    for (const directory of directories) await syncer.sync(directory);
    expect((syncer as unknown as { directories: Map<string, unknown> }).directories.size).toBeLessThanOrEqual(4);
    await syncer.close();
  });

  it('rejects for a directory that does not exist, and recovers once it does', async () => {
    const directory = join(tempDirectory(), 'later');
    const syncer = new DirectorySyncer();
    await expect(syncer.sync(directory)).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(directory);
    await syncer.sync(directory);
    await syncer.close();
  });
});

import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileError } from './profile-error';
import { ProfileStore } from './profile-store';
import { PROFILES_FORMAT } from './profiles-document';
import { fullProfile, minimalProfile } from './test-support/sample-profiles';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xcap-profiles-'));
}

async function openTemp(): Promise<{ dir: string; store: ProfileStore }> {
  const dir = join(await tempDir(), 'config');
  return { dir, store: await ProfileStore.open(dir) };
}

async function failure(promise: Promise<unknown>): Promise<ProfileError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProfileError)) throw new Error(`expected a ProfileError, got ${String(error)}`);
  return error;
}

describe('ProfileStore', () => {
  it('opens a directory that does not exist yet, and creates it only at the first save', async () => {
    const { dir, store } = await openTemp();
    expect(await store.list()).toEqual([]);
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await store.save(minimalProfile());
    expect(store.file).toBe(join(dir, 'profiles.json'));
    if (process.platform !== 'win32') {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    }
  });

  it('saves, lists by name, gets, replaces and removes', async () => {
    const { store } = await openTemp();
    await store.save(minimalProfile('b'));
    await store.save(fullProfile('a'));
    expect((await store.list()).map((profile) => profile.name)).toEqual(['a', 'b']);
    expect(await store.get('a')).toEqual(fullProfile('a'));
    expect(await store.get('missing')).toBeNull();
    await store.save({ ...minimalProfile('b'), xui: 'sip:bob@example.com' });
    expect((await store.get('b'))?.xui).toBe('sip:bob@example.com');
    expect(await store.remove('b')).toBe(true);
    expect(await store.remove('b')).toBe(false);
    expect((await store.list()).map((profile) => profile.name)).toEqual(['a']);
  });

  it('writes a readable profiles document, and a new store on the directory reads it back', async () => {
    const { dir, store } = await openTemp();
    await store.save(fullProfile());
    const text = await readFile(store.file, 'utf8');
    expect(JSON.parse(text)).toEqual({ format: PROFILES_FORMAT, profiles: [fullProfile()] });
    expect(text).toMatch(/^\{\n {2}"format"/);
    expect(await (await ProfileStore.open(dir)).list()).toEqual([fullProfile()]);
  });

  it('leaves no temporary files behind', async () => {
    const { dir, store } = await openTemp();
    for (let index = 0; index < 5; index++) await store.save(minimalProfile(`p${index}`));
    await store.remove('p0');
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('keeps every one of many concurrent saves', async () => {
    const { store } = await openTemp();
    await Promise.all(Array.from({ length: 25 }, (_, index) => store.save(minimalProfile(`p${String(index).padStart(2, '0')}`))));
    expect((await store.list()).map((profile) => profile.name)).toEqual(Array.from({ length: 25 }, (_, index) => `p${String(index).padStart(2, '0')}`));
  });

  it('refuses a profile with a secret and leaves the file as it was', async () => {
    const { store } = await openTemp();
    await store.save(minimalProfile());
    const before = await readFile(store.file, 'utf8');
    const error = await failure(store.save({ ...minimalProfile('x'), auth: { method: 'digest', username: 'alice', password: 'hunter2' } }));
    expect(error).toMatchObject({ code: 'profile-contains-secret', path: 'auth.password' });
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(before).not.toContain('hunter2');
  });

  it('sees edits made by hand, and never overwrites a file it cannot read', async () => {
    const { dir, store } = await openTemp();
    await store.save(minimalProfile());
    await writeFile(store.file, JSON.stringify({ format: PROFILES_FORMAT, profiles: [minimalProfile('edited')] }));
    expect((await store.list()).map((profile) => profile.name)).toEqual(['edited']);
    await writeFile(store.file, '{"format": "xcap-console-profiles/1", "profiles": [');
    const error = await failure(store.save(minimalProfile('new')));
    expect(error.code).toBe('profiles-file-invalid');
    expect(error.message).toMatch(/profiles\.json: not JSON.*fix the file or move it away/);
    expect(await readFile(store.file, 'utf8')).toBe('{"format": "xcap-console-profiles/1", "profiles": [');
    expect((await failure(ProfileStore.open(dir))).code).toBe('profiles-file-invalid');
  });

  it('refuses to open a profiles.json holding a secret, with the place to fix', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ format: PROFILES_FORMAT, profiles: [{ ...minimalProfile(), headers: { Authorization: 'Basic eA==' } }] }));
    const error = await failure(ProfileStore.open(dir));
    expect(error).toMatchObject({ code: 'profile-contains-secret', path: 'profiles[0].headers.Authorization' });
    expect(error.message).toContain(join(dir, 'profiles.json'));
    expect(error.message).not.toContain('eA==');
  });

  it('reports a configuration path it cannot use as profiles-io', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'profiles.json'));
    expect((await failure(ProfileStore.open(dir))).code).toBe('profiles-io');
  });

  it('refuses names that cannot be profile names', async () => {
    const { store } = await openTemp();
    expect((await failure(store.get(''))).code).toBe('invalid-argument');
    expect((await failure(store.remove(' padded '))).code).toBe('invalid-argument');
  });
});

describe('ProfileStore export and import', () => {
  it('exports all or the named profiles, and imports them elsewhere', async () => {
    const { store } = await openTemp();
    await store.save(minimalProfile('a'));
    await store.save(fullProfile('b'));
    const all = await store.export();
    expect(JSON.parse(all)).toEqual({ format: PROFILES_FORMAT, profiles: [minimalProfile('a'), fullProfile('b')] });
    expect(JSON.parse(await store.export(['b'])).profiles).toEqual([fullProfile('b')]);
    expect(await failure(store.export(['b', 'nope']))).toMatchObject({ code: 'profile-not-found', message: expect.stringMatching(/no profile named "nope"/) });

    const other = (await openTemp()).store;
    expect(await other.import(all)).toEqual({ added: ['a', 'b'], replaced: [] });
    expect(await other.list()).toEqual(await store.list());
  });

  it('refuses an import over existing names without overwrite, changing nothing', async () => {
    const { store } = await openTemp();
    await store.save(minimalProfile('a'));
    const incoming = JSON.stringify({ format: PROFILES_FORMAT, profiles: [minimalProfile('new'), { ...minimalProfile('a'), xui: 'sip:carol@example.com' }] });
    const error = await failure(store.import(incoming));
    expect(error).toMatchObject({ code: 'profile-exists', message: expect.stringMatching(/"a" already exist: import with overwrite/) });
    expect((await store.list()).map((profile) => profile.name)).toEqual(['a']);
    expect(await store.import(incoming, { overwrite: true })).toEqual({ added: ['new'], replaced: ['a'] });
    expect((await store.get('a'))?.xui).toBe('sip:carol@example.com');
  });

  it('imports all or nothing: one bad profile refuses the whole document', async () => {
    const { store } = await openTemp();
    const incoming = JSON.stringify({ format: PROFILES_FORMAT, profiles: [minimalProfile('good'), { ...minimalProfile('bad'), xcapRoot: 'nope' }] });
    expect(await failure(store.import(incoming))).toMatchObject({ code: 'profile-invalid', path: 'profiles[1].xcapRoot' });
    expect(await store.list()).toEqual([]);
    expect(await failure(store.import(JSON.stringify({ format: PROFILES_FORMAT, profiles: [{ ...minimalProfile(), token: 'abc' }] })))).toMatchObject({
      code: 'profile-contains-secret',
      path: 'profiles[0].token',
    });
  });
});

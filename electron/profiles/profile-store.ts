/**
 * Server profiles in `<config dir>/profiles.json` (profiles-document.ts for the format).
 *
 * - Every read goes to the file, so an edit by hand or by another window is seen at once; a file
 *   that fails validation makes every call fail with the reason and is never overwritten.
 * - Changes are read-modify-write cycles, one at a time per store, and replace the file
 *   atomically (atomic-file.ts): a crash leaves the old or the new list, never a torn file.
 * - No secrets: anything secret-looking is refused (find-secrets.ts), and passwords go to the
 *   OS keychain under profilePasswordAccount(name) (profile-secrets.ts), never through here.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { replaceFileAtomically } from './atomic-file';
import { PROFILES_FILE_NAME } from './config-dir';
import type { Profile } from './profile';
import { ProfileError } from './profile-error';
import { parseProfilesDocument, serializeProfiles } from './profiles-document';
import { profileNameProblem, readProfile } from './validate-profile';

export interface ImportOptions {
  /** Replace existing profiles of the same names (default: refuse the whole import). */
  readonly overwrite?: boolean;
}

export interface ImportResult {
  /** Names that were new. */
  readonly added: readonly string[];
  /** Names that replaced an existing profile (only with `overwrite`). */
  readonly replaced: readonly string[];
}

export class ProfileStore {
  /** The profiles file: `<dir>/profiles.json`. */
  readonly file: string;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly dir: string) {
    this.file = join(dir, PROFILES_FILE_NAME);
  }

  /** A store on `dir` (created at the first save). Rejects when an existing profiles.json is unreadable or invalid. */
  static async open(dir: string): Promise<ProfileStore> {
    if (typeof dir !== 'string' || dir === '') throw new ProfileError('invalid-argument', 'ProfileStore.open needs a configuration directory');
    const store = new ProfileStore(resolve(dir));
    await store.#read();
    return store;
  }

  /** All profiles, sorted by name. */
  async list(): Promise<Profile[]> {
    return this.#read();
  }

  async get(name: string): Promise<Profile | null> {
    checkName(name);
    return (await this.#read()).find((profile) => profile.name === name) ?? null;
  }

  /** Validates `profile` and adds it, or replaces the profile of the same name. Returns what was stored. */
  async save(profile: unknown): Promise<Profile> {
    const checked = readProfile(profile);
    await this.#change((profiles) => [...profiles.filter((existing) => existing.name !== checked.name), checked]);
    return checked;
  }

  /** true when the profile existed. Its keychain entries stay: forget them with forgetProfileSecrets. */
  async remove(name: string): Promise<boolean> {
    checkName(name);
    let removed = false;
    await this.#change((profiles) => {
      const kept = profiles.filter((profile) => profile.name !== name);
      removed = kept.length !== profiles.length;
      return removed ? kept : null;
    });
    return removed;
  }

  /** The named profiles (all when `names` is absent) as a profiles document, ready for import elsewhere. */
  async export(names?: readonly string[]): Promise<string> {
    const profiles = await this.#read();
    if (names === undefined) return serializeProfiles(profiles);
    const wanted = new Set(names);
    for (const name of wanted) {
      checkName(name);
      if (!profiles.some((profile) => profile.name === name)) throw notFound(name);
    }
    return serializeProfiles(profiles.filter((profile) => wanted.has(profile.name)));
  }

  /** Adds every profile of a profiles document, all or none. Without `overwrite`, existing names refuse the whole import. */
  async import(json: string, options: ImportOptions = {}): Promise<ImportResult> {
    const incoming = parseProfilesDocument(json, { kind: 'import' });
    let result: ImportResult = { added: [], replaced: [] };
    await this.#change((profiles) => {
      const existing = new Set(profiles.map((profile) => profile.name));
      const replaced = incoming.filter((profile) => existing.has(profile.name)).map((profile) => profile.name);
      if (replaced.length > 0 && options.overwrite !== true) {
        throw new ProfileError('profile-exists', `profiles named ${replaced.map((name) => JSON.stringify(name)).join(', ')} already exist: import with overwrite to replace them, or rename them in the file first`);
      }
      result = { added: incoming.filter((profile) => !existing.has(profile.name)).map((profile) => profile.name), replaced };
      const incomingNames = new Set(incoming.map((profile) => profile.name));
      return [...profiles.filter((profile) => !incomingNames.has(profile.name)), ...incoming];
    });
    return result;
  }

  async #read(): Promise<Profile[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw ioError(`cannot read ${this.file}`, error);
    }
    return sortByName(parseProfilesDocument(text, { kind: 'file', file: this.file }));
  }

  /** Runs one read-modify-write cycle after the ones before it. `update` returns null for "no change". */
  #change(update: (profiles: readonly Profile[]) => Profile[] | null): Promise<void> {
    const run = this.#queue.then(async () => {
      const next = update(await this.#read());
      if (next === null) return;
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        await replaceFileAtomically(this.file, serializeProfiles(sortByName(next)));
      } catch (error) {
        throw ioError(`cannot write ${this.file}`, error);
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function sortByName(profiles: readonly Profile[]): Profile[] {
  return [...profiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function checkName(name: unknown): void {
  const problem = profileNameProblem(name);
  if (problem !== null) throw new ProfileError('invalid-argument', `not a profile name: ${problem}`);
}

function notFound(name: string): ProfileError {
  return new ProfileError('profile-not-found', `there is no profile named ${JSON.stringify(name)}: check the name in the profile list`);
}

function ioError(what: string, error: unknown): ProfileError {
  const code = (error as NodeJS.ErrnoException).code;
  const hint = code === 'EACCES' || code === 'EPERM' ? ': check the permissions of the configuration directory, or choose another with --config DIR' : '';
  return new ProfileError('profiles-io', `${what} (${(error as Error).message})${hint}`, { cause: error });
}

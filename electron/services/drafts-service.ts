/**
 * drafts.*: unsaved editor text, one file per (profile, document URI) under `<config>/drafts/`,
 * written atomically, so an edit survives a crash or a restart and is never lost silently.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../shared/ipc';
import { calls } from '../../shared/ipc';
import { replaceFileAtomically } from '../profiles/atomic-file';

export class DraftsService {
  readonly #dir: string;

  constructor(configDir: string) {
    this.#dir = join(configDir, 'drafts');
  }

  async list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const drafts: Draft[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      // A draft file that does not parse is skipped, not deleted: the user may want to recover it by hand.
      const parsed = calls['xcap:drafts.list'].value.element.safeParse(JSON.parse(await readFile(join(this.#dir, name), 'utf8').catch(() => 'null')));
      if (parsed.success) drafts.push(parsed.data);
    }
    return drafts.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  async save(draft: Omit<Draft, 'savedAt'>): Promise<Draft> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const saved: Draft = { ...draft, savedAt: new Date().toISOString() };
    await replaceFileAtomically(this.#file(draft), JSON.stringify(saved));
    return saved;
  }

  async remove(key: { profile: string; uri: string }): Promise<boolean> {
    try {
      await rm(this.#file(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  #file(key: { profile: string; uri: string }): string {
    return join(this.#dir, `${createHash('sha256').update(`${key.profile}\n${key.uri}`).digest('hex').slice(0, 32)}.json`);
  }
}

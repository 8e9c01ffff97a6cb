/**
 * The console's state for the selected profile: its AUIDs (server xcap-caps or the registry), the
 * user's documents (xcap-directory, plus documents opened by path), and the open document.
 */
import type { CapsInfo, DirectoryInfo, ProfileEntry, XcapApi } from '../../../shared/ipc';
import { unwrap } from './unwrap';

export interface DocumentRef {
  readonly auid: string;
  readonly uri: string;
  readonly etag: string | null;
  /** Last path segment, for the tree. */
  readonly name: string;
}

export class Workspace {
  profiles = $state<ProfileEntry[]>([]);
  profileName = $state<string | null>(null);
  caps = $state<CapsInfo | null>(null);
  directory = $state<DirectoryInfo | null>(null);
  opened = $state<DocumentRef[]>([]);
  error = $state<string | null>(null);
  loading = $state(false);

  readonly profile = $derived(this.profiles.find((p) => p.profile.name === this.profileName) ?? null);

  /** Documents per AUID: the AUIDs the server supports, each with the directory's and the opened documents. */
  readonly tree = $derived.by(() => {
    const auids = this.caps?.auids ?? [];
    const listed = this.directory?.folders ?? [];
    return auids.map((auid) => {
      const documents = new Map<string, DocumentRef>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local inside $derived, rebuilt on every change
      for (const entry of listed.find((f) => f.auid === auid)?.documents ?? []) documents.set(entry.uri, { auid, uri: entry.uri, etag: entry.etag, name: lastSegment(entry.uri) });
      for (const doc of this.opened) if (doc.auid === auid && !documents.has(doc.uri)) documents.set(doc.uri, doc);
      return { auid, documents: [...documents.values()] };
    });
  });

  constructor(readonly api: XcapApi) {}

  async loadProfiles(): Promise<void> {
    this.profiles = await unwrap(this.api.profiles.list({}));
    if (this.profileName === null || !this.profiles.some((p) => p.profile.name === this.profileName)) {
      this.profileName = (this.profiles.find((p) => p.sandbox) ?? this.profiles[0])?.profile.name ?? null;
    }
  }

  async refresh(): Promise<void> {
    const name = this.profileName;
    if (name === null) return;
    this.loading = true;
    this.error = null;
    try {
      const [caps, directory] = await Promise.all([unwrap(this.api.xcap.caps({ profile: name })), unwrap(this.api.xcap.directory({ profile: name }))]);
      if (name !== this.profileName) return;
      this.caps = caps;
      this.directory = directory;
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  async select(name: string): Promise<void> {
    this.profileName = name;
    this.caps = null;
    this.directory = null;
    this.opened = [];
    await this.refresh();
  }
}

function lastSegment(uri: string): string {
  const path = uri.split('/~~/')[0] ?? uri;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

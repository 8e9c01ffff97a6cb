/**
 * One open document: the server's version (text + ETag), the user's text, drafts that survive a
 * restart, and a save that never overwrites another client's change — a PUT with If-Match; a 412
 * becomes a three-way merge (base / yours / server); a 409 becomes a decoded xcap-error.
 */
import type { XcapApi } from '../../../../shared/ipc';
import { readXcapErrorBody, type ReadXcapError } from '../../../../shared/xcap/edit';
import { findApplicationUsage } from '../../../../shared/xcap/usages/registry';
import { unwrap } from '../unwrap';

export interface Conflict {
  readonly base: string;
  readonly yours: string;
  readonly server: string;
  readonly serverEtag: string | null;
}

export interface SaveProblem {
  readonly status: number;
  readonly error: ReadXcapError | null;
  readonly body: string;
}

const DRAFT_DELAY_MS = 400;

export class DocumentSession {
  serverText = $state<string | null>(null);
  serverEtag = $state<string | null>(null);
  text = $state('');
  status = $state<'loading' | 'ready' | 'missing' | 'saving' | 'failed'>('loading');
  message = $state<string | null>(null);
  conflict = $state<Conflict | null>(null);
  problem = $state<SaveProblem | null>(null);
  restoredDraft = $state(false);
  /** The server's Server header (product/version): which known quirks apply (shared/xcap/quirks). */
  serverHeader = $state<string | null>(null);
  readonly dirty = $derived(this.text !== (this.serverText ?? ''));
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #requestId: string | null = null;

  constructor(
    readonly api: XcapApi,
    readonly profile: string,
    readonly auid: string,
    readonly uri: string,
  ) {}

  async load(): Promise<void> {
    this.status = 'loading';
    const [response, drafts] = await Promise.all([
      unwrap(this.api.xcap.send({ profile: this.profile, method: 'GET', uri: this.uri, body: null, label: 'open document' })),
      unwrap(this.api.drafts.list({})),
    ]);
    this.serverHeader = response.headers.find(([name]) => name.toLowerCase() === 'server')?.[1] ?? this.serverHeader;
    if (response.status === 200) {
      this.serverText = response.body;
      this.serverEtag = response.etag;
    } else if (response.status === 404) {
      this.serverText = null;
      this.serverEtag = null;
    } else {
      this.status = 'failed';
      this.message = `GET answered ${response.status}`;
      return;
    }
    const draft = drafts.find((d) => d.profile === this.profile && d.uri === this.uri);
    this.restoredDraft = draft !== undefined && draft.text !== (this.serverText ?? '');
    this.text = this.restoredDraft && draft ? draft.text : (this.serverText ?? newDocumentTemplate(this.auid));
    this.status = this.serverText === null ? 'missing' : 'ready';
  }

  /** The editor changed the text: keep a draft so nothing is lost if the app stops. */
  edit(text: string): void {
    this.text = text;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => void this.#saveDraft(), DRAFT_DELAY_MS);
  }

  async #saveDraft(): Promise<void> {
    if (this.dirty) await unwrap(this.api.drafts.save({ profile: this.profile, uri: this.uri, text: this.text, baseEtag: this.serverEtag, baseText: this.serverText }));
    else await unwrap(this.api.drafts.remove({ profile: this.profile, uri: this.uri }));
  }

  /** PUT the whole document with If-Match (or create-only when it does not exist yet). */
  async save(): Promise<void> {
    this.status = 'saving';
    this.problem = null;
    const creating = this.serverText === null;
    this.#requestId = crypto.randomUUID();
    let result;
    try {
      result = await unwrap(
        this.api.xcap.send({ profile: this.profile, method: 'PUT', uri: this.uri, body: this.text, ...(creating ? { etag: null, createOnly: true } : { etag: this.serverEtag }), label: 'save document', requestId: this.#requestId }),
      );
    } catch (error) {
      this.status = this.serverText === null ? 'missing' : 'ready';
      this.message = `Not saved: ${(error as Error).message}. Your text is kept as a draft.`;
      return;
    } finally {
      this.#requestId = null;
    }
    if (result.status === 200 || result.status === 201) {
      this.serverText = this.text;
      this.serverEtag = result.etag;
      this.status = 'ready';
      this.message = `Saved (${result.status}${result.etag ? `, ETag ${result.etag}` : ''})`;
      clearTimeout(this.#draftTimer);
      await unwrap(this.api.drafts.remove({ profile: this.profile, uri: this.uri }));
      return;
    }
    this.status = 'ready';
    if (result.status === 412 && result.conflict) {
      this.conflict = { base: this.serverText ?? '', yours: this.text, server: result.conflict.body, serverEtag: result.conflict.etag };
      this.message = 'The document changed on the server since you opened it: merge your changes.';
      return;
    }
    this.problem = { status: result.status, error: result.contentType?.startsWith('application/xcap-error+xml') ? readXcapErrorBody(result.body) : null, body: result.body };
    this.message = `The server refused the save: ${result.status}`;
  }

  /** The merge view's result becomes the text, based on the server's version, and is saved with its ETag. */
  async resolve(merged: string): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.conflict = null;
    this.serverText = conflict.server;
    this.serverEtag = conflict.serverEtag;
    this.text = merged;
    await this.save();
  }

  /** Cancels a save in flight; the text stays (and stays a draft). */
  cancelSave(): void {
    if (this.#requestId !== null) void this.api.xcap.cancel({ requestId: this.#requestId });
  }

  cancelMerge(): void {
    this.conflict = null;
    this.message = 'Merge cancelled: your text is kept as a draft; the server version was not changed.';
  }

  dispose(): void {
    clearTimeout(this.#draftTimer);
  }
}

/** A new document starts as the usage's empty root element (valid for most usages, easy to fill). */
function newDocumentTemplate(auid: string): string {
  const usage = findApplicationUsage(auid);
  if (!usage) return '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${usage.rootElement.local} xmlns="${usage.rootElement.namespace}">\n</${usage.rootElement.local}>\n`;
}

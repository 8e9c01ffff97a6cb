/**
 * The renderer's side of the validation worker: request ids, answers matched to requests, and per
 * editor a "latest wins" schedule:
 *
 * - a change after a quiet period (nothing typed for `debounceMs`, nothing running) is validated at
 *   once, so a single keystroke shows its markers after the validation time only;
 * - changes in a burst are debounced: the latest text is validated `debounceMs` after the last one;
 * - a change while a validation runs cancels it (the worker drops it at its next phase boundary);
 * - an answer for a text that is no longer the latest is never shown (stale);
 * - a worker that does not answer within `timeoutMs` is terminated and replaced, and the editor gets a
 *   marker saying so (nothing can hang the editor);
 * - nothing is posted to a worker before it says `ready` (a module worker drops messages that arrive
 *   while its top-level imports load: on a busy machine the first validation was lost that way).
 */
import type { SchemaModel } from '../editor/schema-model';
import type { EditorMarker } from './markers';
import type { WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

export interface ValidationClientOptions {
  readonly createWorker: () => WorkerLike;
  readonly debounceMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export interface ValidationResult {
  readonly version: number;
  readonly markers: EditorMarker[];
  /** Time the worker spent, in ms (0 for a failure). */
  readonly ms: number;
}

type Request = { type: 'validate'; text: string; auid: string | null } | { type: 'format'; text: string } | { type: 'schema-model'; auid: string };

export class ValidationClient {
  readonly debounceMs: number;
  private readonly timeoutMs: number;
  readonly now: () => number;
  private worker: WorkerLike | null = null;
  /** Requests for a worker that has not said `ready` yet; null once it has. */
  private outbox: WorkerRequest[] | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (response: WorkerResponse) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly models = new Map<string, Promise<SchemaModel | null>>();

  constructor(private readonly options: ValidationClientOptions) {
    this.debounceMs = options.debounceMs ?? 100;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** One editor's validation stream. */
  session(onresult: (result: ValidationResult) => void): ValidationSession {
    return new ValidationSession(this, onresult);
  }

  async format(text: string): Promise<{ text: string; reason: string | null }> {
    const response = await this.request({ type: 'format', text }).promise;
    if (response.type === 'formatted') return { text: response.text, reason: response.reason };
    return { text, reason: response.type === 'failed' ? response.message : 'formatting was cancelled' };
  }

  /** Element and attribute names the usage's schema allows (for completion); cached per AUID. */
  schemaModel(auid: string): Promise<SchemaModel | null> {
    let model = this.models.get(auid);
    if (!model) {
      model = this.request({ type: 'schema-model', auid }).promise.then((response) => (response.type === 'schema-model' ? response.model : null));
      this.models.set(auid, model);
    }
    return model;
  }

  /** Sends a request; the promise always settles (a failure or timeout is a `failed` response). */
  request(request: Request): { id: number; promise: Promise<WorkerResponse> } {
    const id = this.nextId++;
    const promise = new Promise<WorkerResponse>((resolve) => {
      const timer = setTimeout(() => this.restart(`the validation worker did not answer within ${Math.round(this.timeoutMs / 1000)} s and was restarted`), this.timeoutMs);
      this.pending.set(id, { resolve, timer });
    });
    try {
      this.post({ ...request, id });
    } catch (error) {
      this.settle({ type: 'failed', id, message: `the validation worker could not start: ${(error as Error).message}` });
    }
    return { id, promise };
  }

  cancel(id: number): void {
    if (this.pending.has(id)) this.post({ type: 'cancel', id });
  }

  dispose(): void {
    this.restart('the validation client was disposed');
  }

  private post(message: WorkerRequest): void {
    const worker = this.ensureWorker();
    if (this.outbox) this.outbox.push(message);
    else worker.postMessage(message);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.options.createWorker();
    this.outbox = [];
    worker.onmessage = (event) => {
      if (event.data.type !== 'ready') return this.settle(event.data);
      const held = this.outbox ?? [];
      this.outbox = null;
      for (const message of held) worker.postMessage(message);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.restart(`the validation worker failed: ${event.message || 'it could not load'}`);
    };
    this.worker = worker;
    return worker;
  }

  private settle(response: Exclude<WorkerResponse, { type: 'ready' }>): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(response.id);
    entry.resolve(response);
  }

  /** Terminates the worker; every outstanding request fails with `message`. The next request starts a new worker. */
  private restart(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.outbox = null;
    this.models.clear();
    for (const id of [...this.pending.keys()]) this.settle({ type: 'failed', id, message });
  }
}

export class ValidationSession {
  private latest: { text: string; auid: string | null; version: number } | null = null;
  private currentVersion = -1;
  private inFlight: { id: number; version: number; cancelled: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastChangeAt = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly client: ValidationClient,
    private readonly onresult: (result: ValidationResult) => void,
  ) {}

  /** The editor's text changed (or its AUID did): `version` identifies this text (Monaco's version id). */
  update(text: string, auid: string | null, version: number): void {
    if (this.disposed) return;
    const now = this.client.now();
    const quiet = now - this.lastChangeAt >= this.client.debounceMs && !this.inFlight && !this.timer;
    this.lastChangeAt = now;
    this.latest = { text, auid, version };
    this.currentVersion = version;
    if (this.inFlight && !this.inFlight.cancelled) {
      this.client.cancel(this.inFlight.id);
      this.inFlight.cancelled = true;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (quiet) this.dispatch();
    else this.timer = setTimeout(() => {
      this.timer = null;
      this.dispatch();
    }, this.client.debounceMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlight) this.client.cancel(this.inFlight.id);
    this.latest = null;
  }

  private dispatch(): void {
    if (this.disposed || !this.latest || this.inFlight) return; // a running request dispatches the latest text when it ends
    const { text, auid, version } = this.latest;
    this.latest = null;
    const { id, promise } = this.client.request({ type: 'validate', text, auid });
    this.inFlight = { id, version, cancelled: false };
    void promise.then((response) => {
      this.inFlight = null;
      if (this.disposed) return;
      if (version === this.currentVersion) {
        if (response.type === 'validated') this.onresult({ version, markers: response.markers, ms: response.ms });
        else if (response.type === 'failed') this.onresult({ version, markers: [failureMarker(response.message)], ms: 0 });
      }
      if (this.latest && !this.timer) this.dispatch();
    });
  }
}

function failureMarker(message: string): EditorMarker {
  return { severity: 'warning', message: `validation unavailable: ${message}`, source: 'xml', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
}

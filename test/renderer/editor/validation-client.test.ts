import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest, WorkerResponse } from '../../../renderer/src/lib/validation/protocol';
import { ValidationClient, type ValidationResult, type WorkerLike } from '../../../renderer/src/lib/validation/validation-client';

/** A worker that answers when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: WorkerResponse): void {
    this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>);
  }
  validations() {
    return this.received.filter((m) => m.type === 'validate');
  }
}

let now = 0;
let workers: FakeWorker[];
let client: ValidationClient;
let results: ValidationResult[];

beforeEach(() => {
  vi.useFakeTimers();
  now = 1000;
  workers = [];
  results = [];
  client = new ValidationClient({ createWorker: () => (workers.push(new FakeWorker()), workers[workers.length - 1] as FakeWorker), debounceMs: 100, timeoutMs: 5000, now: () => now });
});
afterEach(() => vi.useRealTimers());

/** The worker's module has loaded: it says so, and the client sends what it held. */
const ready = (worker: FakeWorker | undefined): FakeWorker => {
  if (!worker) throw new Error('no worker was started');
  worker.answer({ type: 'ready' });
  return worker;
};

const advance = async (ms: number) => {
  now += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

describe('ValidationClient sessions', () => {
  it('a change after a quiet period is validated at once; its answer is delivered', async () => {
    const session = client.session((r) => results.push(r));
    session.update('<a/>', 'resource-lists', 1);
    const worker = ready(workers[0]);
    expect(worker?.validations()).toEqual([{ type: 'validate', id: 1, text: '<a/>', auid: 'resource-lists' }]);
    worker?.answer({ type: 'validated', id: 1, markers: [], ms: 3 });
    await advance(0);
    expect(results).toEqual([{ version: 1, markers: [], ms: 3 }]);
  });

  it('a burst is debounced: the latest text only, 100 ms after the last change; stale answers are dropped', async () => {
    const session = client.session((r) => results.push(r));
    session.update('v1', null, 1); // immediate
    const worker = ready(workers[0]);
    await advance(30);
    session.update('v2', null, 2); // cancels 1, debounced
    expect(worker.received.at(-1)).toEqual({ type: 'cancel', id: 1 });
    await advance(30);
    session.update('v3', null, 3);
    worker.answer({ type: 'validated', id: 1, markers: [], ms: 1 }); // stale: v1
    await advance(99);
    expect(worker.validations()).toHaveLength(1);
    await advance(1);
    expect(worker.validations().map((m) => m.type === 'validate' && m.text)).toEqual(['v1', 'v3']);
    worker.answer({ type: 'validated', id: 2, markers: [], ms: 1 });
    await advance(0);
    expect(results.map((r) => r.version)).toEqual([3]);
  });

  it('one request in flight per session: the latest text goes when it ends', async () => {
    const session = client.session((r) => results.push(r));
    session.update('v1', null, 1);
    const worker = ready(workers[0]);
    await advance(20);
    session.update('v2', null, 2);
    await advance(150); // debounce over, but v1 still runs (the worker ignored the cancel)
    expect(worker.validations()).toHaveLength(1);
    worker.answer({ type: 'cancelled', id: 1 });
    await advance(0);
    expect(worker.validations().map((m) => m.type === 'validate' && m.text)).toEqual(['v1', 'v2']);
  });

  it('a worker that does not answer is terminated and replaced; the editor gets a warning marker', async () => {
    const session = client.session((r) => results.push(r));
    session.update('<hang/>', null, 1);
    await advance(5000);
    expect(workers[0]?.terminated).toBe(true);
    expect(results).toEqual([{ version: 1, ms: 0, markers: [expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/did not answer within 5 s and was restarted/) })] }]);
    await advance(200);
    session.update('<ok/>', null, 2);
    expect(workers).toHaveLength(2);
    expect(ready(workers[1]).validations()).toHaveLength(1);
  });

  it('format and schema model requests are answered by id; schema models are cached', async () => {
    const formatted = client.format('<a><b/></a>');
    const worker = ready(workers[0]);
    worker.answer({ type: 'formatted', id: 1, text: '<a>\n  <b/>\n</a>\n', reason: null });
    await expect(formatted).resolves.toEqual({ text: '<a>\n  <b/>\n</a>\n', reason: null });
    const first = client.schemaModel('resource-lists');
    const second = client.schemaModel('resource-lists');
    expect(worker.received.filter((m) => m.type === 'schema-model')).toHaveLength(1);
    worker.answer({ type: 'schema-model', id: 2, model: null });
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toBeNull();
  });

  it('holds every message until the worker says it is ready (a loading module worker drops them), then sends them in order', async () => {
    const session = client.session((r) => results.push(r));
    session.update('v1', null, 1);
    const worker = workers[0] as FakeWorker;
    await advance(20);
    session.update('v2', null, 2); // cancels v1 (held too)
    session.update('v3', null, 3); // the cancel is sent once
    await advance(150);
    expect(worker.received).toEqual([]);
    worker.answer({ type: 'ready' });
    expect(worker.received).toEqual([
      { type: 'validate', id: 1, text: 'v1', auid: null },
      { type: 'cancel', id: 1 },
    ]);
    worker.answer({ type: 'cancelled', id: 1 });
    await advance(0);
    expect(worker.validations().map((m) => m.type === 'validate' && m.text)).toEqual(['v1', 'v3']);
    worker.answer({ type: 'validated', id: 2, markers: [], ms: 1 });
    await advance(0);
    expect(results.map((r) => r.version)).toEqual([3]);
  });

  it('a disposed session delivers nothing', async () => {
    const session = client.session((r) => results.push(r));
    session.update('v1', null, 1);
    session.dispose();
    workers[0]?.answer({ type: 'validated', id: 1, markers: [], ms: 1 });
    await advance(200);
    expect(results).toEqual([]);
  });
});

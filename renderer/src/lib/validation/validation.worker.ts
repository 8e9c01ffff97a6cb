/**
 * The validation worker: libxml2 (WebAssembly, compiled from bytes inlined in libxml2-wasm's module,
 * allowed by the CSP's 'wasm-unsafe-eval') and the XCAP core, off the UI thread. Requests are
 * handled one at a time in arrival order; a validation yields between its phases so that a
 * `cancel` sent meanwhile (the user typed again) stops it early.
 */
import { formatXmlDocument } from '../editor/format-xml';
import { buildSchemaModel } from '../editor/schema-model';
import { findApplicationUsage } from '../../../../shared/xcap/usages/registry';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { validationPhases } from './validate-document';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

type Job = Exclude<WorkerRequest, { type: 'cancel' }>;
const queue: Job[] = [];
const cancelled = new Set<number>();
/** Requests are handled in id order: a cancel for an id up to this one came too late and is ignored. */
let handledUpTo = 0;
let draining = false;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    if (request.id > handledUpTo) cancelled.add(request.id);
    return;
  }
  queue.push(request);
  if (!draining) void drain();
};

async function drain(): Promise<void> {
  draining = true;
  try {
    for (let request = queue.shift(); request; request = queue.shift()) {
      if (cancelled.delete(request.id)) {
        scope.postMessage({ type: 'cancelled', id: request.id });
        handledUpTo = Math.max(handledUpTo, request.id);
        continue;
      }
      try {
        await handle(request);
      } catch (error) {
        scope.postMessage({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
      }
      cancelled.delete(request.id);
      handledUpTo = Math.max(handledUpTo, request.id);
    }
  } finally {
    draining = false;
  }
}

async function handle(request: Job): Promise<void> {
  switch (request.type) {
    case 'validate': {
      const started = performance.now();
      const phases = validationPhases(request.text, request.auid);
      for (;;) {
        const step = phases.next();
        if (step.done) {
          scope.postMessage({ type: 'validated', id: request.id, markers: step.value, ms: performance.now() - started });
          return;
        }
        await yieldToMessages();
        if (cancelled.has(request.id)) {
          scope.postMessage({ type: 'cancelled', id: request.id });
          return;
        }
      }
    }
    case 'format': {
      const result = formatXmlDocument(request.text);
      scope.postMessage({ type: 'formatted', id: request.id, text: result.text, reason: result.reason });
      return;
    }
    case 'schema-model': {
      const usage = findApplicationUsage(request.auid);
      scope.postMessage({ type: 'schema-model', id: request.id, model: usage ? schemaModelFor(usage.schemaFile, usage.rootElement) : null });
      return;
    }
  }
}

const models = new Map<string, ReturnType<typeof buildSchemaModel>>();
function schemaModelFor(schemaFile: string, root: { namespace: string; local: string }) {
  const key = `${schemaFile} {${root.namespace}}${root.local}`;
  let model = models.get(key);
  if (!model) {
    model = buildSchemaModel(schemaFile, root);
    models.set(key, model);
  }
  return model;
}

/** Lets queued messages (a cancel) in: a MessageChannel round trip, not clamped like setTimeout. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Everything above is evaluated and listening: the client may send (see the protocol's 'ready').
scope.postMessage({ type: 'ready' });

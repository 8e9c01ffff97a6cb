/** Messages between the renderer and the validation worker. Every request carries an id; answers echo it. */
import type { SchemaModel } from '../editor/schema-model';
import type { EditorMarker } from './markers';

export type WorkerRequest =
  | { readonly type: 'validate'; readonly id: number; readonly text: string; readonly auid: string | null }
  | { readonly type: 'format'; readonly id: number; readonly text: string }
  | { readonly type: 'schema-model'; readonly id: number; readonly auid: string }
  /** Drop request `id` if it has not finished: its answer would be stale. */
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  /**
   * Sent once, when the worker's module has been evaluated and listens. A module worker whose imports
   * are still loading (libxml2's WebAssembly is awaited at the top level) drops the messages that
   * arrive meanwhile, so the client holds its requests until this arrives.
   */
  | { readonly type: 'ready' }
  | { readonly type: 'validated'; readonly id: number; readonly markers: EditorMarker[]; readonly ms: number }
  | { readonly type: 'formatted'; readonly id: number; readonly text: string; readonly reason: string | null }
  | { readonly type: 'schema-model'; readonly id: number; readonly model: SchemaModel | null }
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

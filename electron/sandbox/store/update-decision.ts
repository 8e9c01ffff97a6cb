/**
 * What an update callback decides, given the document as it is now: write new bytes, delete the
 * document, or keep it as it is, plus a result to hand back to the caller of update() (for the
 * sandbox server, typically the HTTP answer computed from the current document).
 */
import { checkContentType } from './content-type';
import { StoreError } from './store-error';

export type UpdateAction =
  | { write: Uint8Array; contentType?: string; delete?: never; keep?: never }
  | { delete: true; write?: never; keep?: never }
  | { keep: true; write?: never; delete?: never };

/** An action plus `result`, which may be left out only when the result type admits undefined. */
export type UpdateDecision<T> = UpdateAction & (undefined extends T ? { result?: T } : { result: T });

/** The action of a decision, checked: exactly one of write, delete, keep. */
export type CheckedAction = { kind: 'write'; bytes: Uint8Array; contentType: string | undefined } | { kind: 'delete' } | { kind: 'keep' };

function invalidDecision(why: string): StoreError {
  return new StoreError('invalid-argument', `An update callback must return { write: Uint8Array, contentType? } or { delete: true } or { keep: true }, with an optional result: ${why}.`);
}

/** Checks what a callback returned (it may come from untyped code). Throws StoreError 'invalid-argument'. */
export function checkDecision(decision: unknown, contentTypeRequired: boolean): CheckedAction {
  if (decision === null || typeof decision !== 'object') throw invalidDecision(`got ${decision === null ? 'null' : typeof decision}`);
  const { write, contentType } = decision as { write?: unknown; contentType?: unknown };
  const wants = (['write', 'delete', 'keep'] as const).filter((name) => (decision as Record<string, unknown>)[name] !== undefined);
  if (wants.length !== 1) throw invalidDecision(wants.length === 0 ? 'no action' : `several actions (${wants.join(', ')})`);
  if (wants[0] === 'write') {
    if (!(write instanceof Uint8Array)) throw invalidDecision('write must be a Uint8Array');
    if (contentType === undefined && contentTypeRequired) {
      throw new StoreError('invalid-argument', 'A MIME object is written with its contentType.');
    }
    return { kind: 'write', bytes: write, contentType: contentType === undefined ? undefined : checkContentType(contentType) };
  }
  const flag = (decision as Record<string, unknown>)[wants[0] as string];
  if (flag !== true) throw invalidDecision(`${wants[0]} must be true`);
  if (contentType !== undefined) throw invalidDecision(`contentType goes with write, not ${wants[0]}`);
  return { kind: wants[0] === 'delete' ? 'delete' : 'keep' };
}

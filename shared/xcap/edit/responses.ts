import type { SourceRange, TextEdit, XcapEditResult, XcapErrorDetail } from './types';
import { XCAP_ERROR_TYPE } from './types';
import { xcapErrorBody } from './xcap-error-body';

/** Builders for the answers of the edit engine, so every path answers in the same shape. */

export function ok(status: number, contentType: string | null, body: string | null, document: string | null, selection: readonly SourceRange[] = []): XcapEditResult {
  return { status, contentType, body, document, documentChanged: false, xcapError: null, error: null, headers: {}, selection, edit: null };
}

export function changed(status: 200 | 201, document: string | null, edit: TextEdit | null, selection: readonly SourceRange[] = []): XcapEditResult {
  return { status, contentType: null, body: null, document, documentChanged: true, xcapError: null, error: null, headers: {}, selection, edit };
}

export function conflict(document: string | null, error: XcapErrorDetail, selection: readonly SourceRange[] = []): XcapEditResult {
  return {
    status: 409,
    contentType: XCAP_ERROR_TYPE,
    body: xcapErrorBody(error),
    document,
    documentChanged: false,
    xcapError: error.tag,
    error,
    headers: {},
    selection,
    edit: null,
  };
}

/** A plain HTTP failure without an xcap-error body (404, 400, 405, 413, 415). */
export function failure(status: number, document: string | null, phrase: string, headers: Readonly<Record<string, string>> = {}): XcapEditResult {
  return { status, contentType: 'text/plain; charset=utf-8', body: phrase + '\n', document, documentChanged: false, xcapError: null, error: null, headers, selection: [], edit: null };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

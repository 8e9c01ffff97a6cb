import { isXcapCoreError } from '../errors';
import { defaultXmlLimits } from '../xml/limits';
import { parseXml } from '../xml/parse';
import type { SourceIndex } from '../xml/source-index';
import { walkElements } from '../xml/source-index';
import { rootElementError, schemaError } from './check-result';
import type { XcapDocumentSnapshot } from './document';
import { changed, conflict, failure, ok } from './responses';
import type { XcapEditRequest, XcapEditResult, XcapErrorDetail } from './types';
import { findConstraintViolation, findUniquenessConflicts } from './uniqueness';

/** GET / PUT / DELETE of a whole document (RFC 4825 §7.2–7.3, §8.2). */
export function documentOperation(document: XcapDocumentSnapshot | null, request: XcapEditRequest): XcapEditResult {
  const current = document?.text ?? null;
  switch (request.method) {
    case 'GET':
      return document ? ok(200, request.usage.mimeType, document.text, current) : failure(404, null, 'the document does not exist');
    case 'DELETE':
      return document ? changed(200, null, { start: 0, end: document.text.length, insert: '' }) : failure(404, null, 'the document does not exist');
    case 'PUT':
      return putDocument(document, request);
  }
}

function putDocument(document: XcapDocumentSnapshot | null, request: XcapEditRequest): XcapEditResult {
  const current = document?.text ?? null;
  let index: SourceIndex;
  try {
    index = parseXml(request.body ?? '', request.limits ?? defaultXmlLimits);
  } catch (error) {
    if (isXcapCoreError(error, 'too-large')) return failure(413, current, error.message);
    if (isXcapCoreError(error, 'not-utf-8')) return conflict(current, { tag: 'not-utf-8', phrase: error.message });
    if (isXcapCoreError(error)) {
      return conflict(current, { tag: 'not-well-formed', phrase: error.message, ...(error.line !== undefined && { line: error.line }), ...(error.column !== undefined && { column: error.column }) });
    }
    throw error;
  }
  const problem = validateWholeDocument(request, index);
  if (problem) return conflict(current, problem);
  return changed(document ? 200 : 201, index.text, { start: 0, end: current?.length ?? 0, insert: index.text });
}

/** Everything a whole document must satisfy: root element, schema, uniqueness, data constraints. */
export function validateWholeDocument(request: XcapEditRequest, index: SourceIndex): XcapErrorDetail | null {
  const { usage } = request;
  const problem = rootElementError(usage, index.root) ?? schemaError(request, index.text);
  if (problem) return problem;
  const elements = [...walkElements(index.root)];
  const conflicts = findUniquenessConflicts(usage.uniqueness, { added: elements, siblings: [], rest: () => [], addedRoot: null, addedParent: null });
  if (conflicts.length > 0) return { tag: 'uniqueness-failure', phrase: `${conflicts[0]?.field} "${conflicts[0]?.value}" is not unique`, conflicts };
  const violation = findConstraintViolation(usage.constraints, elements, index.text);
  return violation ? { tag: 'constraint-failure', phrase: violation } : null;
}

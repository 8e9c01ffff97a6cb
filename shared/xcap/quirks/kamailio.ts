import { indexSource } from '../xml/source-index';
import type { SourceElement } from '../xml/source-index';
import { canonicalXml } from './canonical-xml';
import type { QuirkAdjustment, ServerQuirk, VersionRange, XcapOperation, XcapOutcome } from './types';

/**
 * Kamailio's xcap_server module (with xhttp), as Debian 12 ships it (5.6.3), observed by the interop
 * suite (test/interop/) through the real client. Order matters: a quirk adjusts what the earlier
 * ones made of the RFC 4825 prediction, so the ones that replace the whole answer come first.
 */
const product = 'kamailio';
const versions: VersionRange = { from: '5.6.0', below: '5.7.0' };

/** The answer of a request that changed nothing and says nothing (xcap_server's errors have no body). */
function bare(operation: XcapOperation, status: number): XcapOutcome {
  return { status, contentType: null, body: null, xcapError: null, document: operation.documentBefore };
}

const isNode = (operation: XcapOperation) => operation.resource === 'element' || operation.resource === 'attribute' || operation.resource === 'namespace';
const ok = (outcome: XcapOutcome) => outcome.status >= 200 && outcome.status < 300;
const adjusted = (outcome: XcapOutcome): QuirkAdjustment => ({ outcome });

/** Prefixed names in the selector (outside quoted values): `cp:rule`, `rpid:status-icon`. */
function hasPrefixedName(selector: string): boolean {
  return /[^:]:[^:]/.test(selector.replace(/"[^"]*"|'[^']*'/g, '""'));
}

export const kamailioQuirks: readonly ServerQuirk[] = [
  {
    id: 'kamailio-if-match-star-412',
    product,
    versions,
    description: 'answers 412 to `If-Match: *` even when the document exists (only a quoted `"*"` matches)',
    evidence: 'PUT of an existing document with `If-Match: *` → 412 Precondition Failed, empty body',
    adjust: (operation, expected) => (operation.ifMatch?.trim() === '*' && expected.status !== 412 ? adjusted(bare(operation, 412)) : null),
  },
  {
    id: 'kamailio-if-none-match-star-ignored',
    product,
    versions,
    description: 'ignores `If-None-Match: *`: a create-only PUT overwrites an existing document (only a quoted `"*"` is honoured)',
    evidence: 'PUT of an existing document with `If-None-Match: *` → 200 OK and the document replaced (RFC 9110: 412)',
    createOnlyCondition: '"*"',
    adjust: (operation, expected) =>
      operation.ifNoneMatch?.trim() === '*' && (expected.status === 412 || expected.status === 304) && expected.unconditional ? adjusted(expected.unconditional) : null,
  },
  {
    id: 'kamailio-namespace-prefixes-500',
    product,
    versions,
    description: 'answers 500 to node selectors with prefixes or `?xmlns()` bindings (the query is fed to XPath, no bindings registered)',
    evidence: 'GET …/~~/cp:ruleset/cp:rule%5B@id=%22a%22%5D?xmlns(cp=urn:ietf:params:xml:ns:common-policy) → 500 Server error, empty body',
    adjust: (operation) =>
      isNode(operation) && (Object.keys(operation.namespaces).length > 0 || hasPrefixedName(operation.nodeSelector ?? '')) ? adjusted(bare(operation, 500)) : null,
  },
  {
    id: 'kamailio-no-mime-objects',
    product,
    versions,
    description: 'stores no MIME objects (TS 24.141 6.3.2.4): `/xcap-root/mime/…` is an unknown AUID → 404',
    evidence: 'PUT /xcap-root/mime/users/sip:alice@example.com/pictureX.jpg (image/jpeg) → 404 Not Found (xcap_server does not know the AUID)',
    adjust: (operation) => (operation.resource === 'mime-object' ? adjusted(bare(operation, 404)) : null),
  },
  {
    id: 'kamailio-delete-missing-500',
    product,
    versions,
    description: 'answers 500 instead of 404 to a DELETE of a document or element that does not exist',
    evidence: 'DELETE of a missing document or …/~~/resource-lists/list%5B@name=%22x%22%5D/entry%5B@uri=%22sip:nobody@example.com%22%5D → 500, empty body',
    adjust: (operation, expected) => (operation.method === 'DELETE' && expected.status === 404 ? adjusted(bare(operation, 500)) : null),
  },
  {
    id: 'kamailio-no-schema-validation',
    product,
    versions,
    description: 'does not validate documents: schema, uniqueness and constraint violations are stored (no 409)',
    evidence: 'PUT of `<foo xmlns="urn:bogus"/>` to resource-lists → 200 OK, GET returns it',
    adjust: (operation, expected) =>
      operation.method === 'PUT' &&
      operation.resource === 'document' &&
      expected.status === 409 &&
      ['schema-validation-error', 'uniqueness-failure', 'constraint-failure'].includes(expected.xcapError ?? '')
        ? adjusted({ status: operation.documentBefore === null ? 201 : 200, contentType: null, body: null, xcapError: null, document: operation.body })
        : null,
  },
  {
    id: 'kamailio-errors-500-without-body',
    product,
    versions,
    description: 'answers 500 with an empty body where RFC 4825 answers 409 with an xcap-error document (e.g. malformed XML)',
    evidence: 'PUT of `<resource-lists><list>` → 500 Server error, Content-Length: 0 (RFC 4825: 409 <not-well-formed/>)',
    adjust: (operation, expected) => (expected.status === 409 ? adjusted(bare(operation, 500)) : null),
  },
  {
    id: 'kamailio-attribute-put-500',
    product,
    versions,
    description: 'cannot write attributes: an attribute PUT (text value) answers 500 and changes nothing',
    evidence: 'PUT …/~~/resource-lists/list%5B@name=%22friends%22%5D/@name with body `buddies` (application/xcap-att+xml) → 500',
    adjust: (operation, expected) => (operation.method === 'PUT' && operation.resource === 'attribute' && ok(expected) ? adjusted(bare(operation, 500)) : null),
  },
  {
    id: 'kamailio-create-200',
    product,
    versions,
    description: 'answers 200 instead of 201 when a PUT creates a document or element',
    evidence: 'PUT of a new document → 200 OK + ETag, no body (RFC 4825 §8.2.5: 201 Created)',
    adjust: (operation, expected) => (operation.method === 'PUT' && expected.status === 201 ? adjusted({ ...expected, status: 200 }) : null),
  },
  {
    id: 'kamailio-node-get-document-type',
    product,
    versions,
    description: "answers element and attribute GETs with the document's MIME type instead of application/xcap-el+xml / xcap-att+xml",
    evidence: 'GET …/index/~~/resource-lists/list%5B@name=%22friends%22%5D/@name → 200, Content-Type: application/resource-lists+xml, body `friends`',
    adjust: (operation, expected) =>
      operation.method === 'GET' && (operation.resource === 'element' || operation.resource === 'attribute') && expected.status === 200
        ? adjusted({ ...expected, contentType: operation.documentType })
        : null,
  },
  {
    id: 'kamailio-element-put-appends',
    product,
    versions,
    description: 'puts a written element last in its parent: an insert is appended, a replaced element moves to the end',
    evidence: 'PUT of an existing …/entry%5B@uri=%22sip:bob@example.com%22%5D → 200, GET shows the entry after its former following siblings',
    adjust: (operation, expected) => {
      if (operation.method !== 'PUT' || operation.resource !== 'element' || !ok(expected) || !expected.edit || expected.document === null) return null;
      return adjusted({ ...expected, document: moveWrittenElementToEnd(expected.document, expected.edit) });
    },
  },
  {
    id: 'kamailio-attribute-delete-empties',
    product,
    versions,
    description: 'keeps a deleted attribute with an empty value (`name=""`) instead of removing it',
    evidence: 'DELETE …/~~/resource-lists/list%5B@name=%22friends%22%5D/@name → 200, GET shows `<list name="">`',
    adjust: (operation, expected) => {
      if (operation.method !== 'DELETE' || operation.resource !== 'attribute' || !ok(expected) || !expected.edit || operation.documentBefore === null) return null;
      const { start, end } = expected.edit;
      const before = operation.documentBefore;
      const emptied = before.slice(start, end).replace(/=(\s*)(["'])[\s\S]*\2(\s*)$/, '=""$3');
      return adjusted({ ...expected, document: before.slice(0, start) + emptied + before.slice(end) });
    },
  },
  {
    id: 'kamailio-node-write-reserialises',
    product,
    versions,
    description: 'rewrites the whole document through libxml2 on element/attribute writes: inserted elements are not indented, empty elements collapse to `<x/>`, removed elements leave their whitespace',
    evidence: 'element PUT into a document holding `<list name="x"></list>` → GET shows `<list name="x"/>` and `  <entry uri="sip:dave@example.com"/></list>`',
    adjust: (operation, expected) =>
      (operation.method === 'PUT' || operation.method === 'DELETE') && isNode(operation) && ok(expected) ? { outcome: expected, normaliseDocument: canonicalXml } : null,
  },
];

/**
 * The document after a Kamailio element PUT, from the engine's: the element the edit wrote, taken
 * out of its place and appended as the last child of its parent.
 */
export function moveWrittenElementToEnd(document: string, edit: { readonly start: number; readonly insert: string }): string {
  let root: SourceElement;
  try {
    root = indexSource(document).root;
  } catch {
    return document;
  }
  const end = edit.start + edit.insert.length;
  const written = findWritten(root, edit.start, end);
  if (written?.parent == null) return document;
  const text = document.slice(written.start, written.end);
  const without = document.slice(0, written.start) + document.slice(written.end);
  const insertAt = written.parent.contentEnd - text.length;
  return without.slice(0, insertAt) + text + without.slice(insertAt);
}

function findWritten(element: SourceElement, start: number, end: number): SourceElement | null {
  for (const child of element.children) {
    if (child.start >= start && child.end <= end) return child;
    if (child.start <= start && child.end >= end) return findWritten(child, start, end);
  }
  return null;
}

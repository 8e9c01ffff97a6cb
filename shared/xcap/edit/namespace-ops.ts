import type { ResolvedSelector } from '../selector/namespaces';
import { escapeAttributeValue } from '../xml/escape';
import type { SourceIndex } from '../xml/source-index';
import { inScopeNamespaces } from '../xml/source-index';
import { failure, ok } from './responses';
import { selectOne } from './target';
import type { XcapEditRequest, XcapEditResult } from './types';
import { XCAP_NAMESPACE_TYPE } from './types';

/**
 * GET of the namespace bindings in scope at an element (RFC 4825 §7.10): an empty element with the
 * selected element's name carrying every binding as a namespace declaration. Bindings cannot be
 * written: PUT and DELETE answer 405 with `Allow: GET`.
 */
export function namespaceOperation(index: SourceIndex | null, request: XcapEditRequest, selector: ResolvedSelector): XcapEditResult {
  if (request.method !== 'GET') return failure(405, index?.text ?? null, 'namespace bindings can only be read', { Allow: 'GET' });
  if (!index) return failure(404, null, 'the document does not exist');
  const found = selectOne(index, selector);
  if (!('element' in found)) return failure(404, index.text, found.count > 1 ? `the node selector selects ${found.count} elements` : 'no element matches the node selector');
  const { element } = found;
  const declarations = [...inScopeNamespaces(element)]
    .map(([prefix, uri]) => (prefix === null ? ` xmlns="${escapeAttributeValue(uri)}"` : ` xmlns:${prefix}="${escapeAttributeValue(uri)}"`))
    .join('');
  return ok(200, XCAP_NAMESPACE_TYPE, `<${element.qname}${declarations}/>`, index.text, [{ start: element.start, end: element.startTagEnd }]);
}

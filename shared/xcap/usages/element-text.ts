import { resolveReferences } from '../xml/references';
import type { SourceElement } from '../xml/source-index';

/** Text content of an element without child elements, trimmed; null when it has child elements. */
export function simpleTextContent(element: SourceElement, text: string): string | null {
  if (element.children.length > 0) return null;
  const raw = text.slice(element.startTagEnd, element.contentEnd);
  const withoutCdata = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, inner: string) => inner.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const withoutComments = withoutCdata.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
  return (resolveReferences(withoutComments) ?? withoutComments).trim();
}

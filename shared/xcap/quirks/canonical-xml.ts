import { resolveReferences } from '../xml/references';
import type { SourceElement } from '../xml/source-index';
import { indexSource } from '../xml/source-index';

/**
 * A whitespace-insensitive reading of an XML document, one line per element, attribute set and
 * text: namespaces resolved ({uri}local), attributes sorted, namespace declarations, comments, the
 * XML declaration and whitespace-only text left out, other text trimmed. Two documents that a
 * re-serialising server (libxml2 dump) makes of the same tree read the same; element order and
 * every name, attribute and text still count. Text that is not well-formed is returned as it is,
 * so a comparison with it fails visibly.
 */
export function canonicalXml(text: string): string {
  let root: SourceElement;
  try {
    root = indexSource(text).root;
  } catch {
    return text;
  }
  const lines: string[] = [];
  write(root, text, 0, lines);
  return lines.join('\n') + '\n';
}

function write(element: SourceElement, text: string, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attributes = element.attributes
    .map((a) => `${a.namespace === null ? '' : `{${a.namespace}}`}${a.local}=${JSON.stringify(a.value)}`)
    .sort();
  lines.push(`${pad}{${element.namespace ?? ''}}${element.local}${attributes.length ? ' ' + attributes.join(' ') : ''}`);
  let cursor = element.startTagEnd;
  for (const child of element.children) {
    pushText(text.slice(cursor, child.start), pad, lines);
    write(child, text, depth + 1, lines);
    cursor = child.end;
  }
  if (!element.selfClosing) pushText(text.slice(cursor, element.contentEnd), pad, lines);
}

function pushText(raw: string, pad: string, lines: string[]): void {
  const withoutMarkup = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => data.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const value = (resolveReferences(withoutMarkup) ?? withoutMarkup).trim();
  if (value !== '') lines.push(`${pad}  ${JSON.stringify(value)}`);
}

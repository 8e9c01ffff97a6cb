/**
 * Format document: re-indents element-only content by two spaces per level, using the core's source
 * index (parseXml), so nothing but whitespace between tags changes:
 *
 * - start and end tags are kept as written (attribute order, quotes, references, line breaks inside a tag);
 * - comments and processing instructions between elements are kept, each on its own line;
 * - an element with text content (mixed content, CDATA, a text-only element like display-name) or
 *   `xml:space="preserve"` is copied verbatim, so no character data changes;
 * - the prolog (XML declaration, comments, DOCTYPE) and what follows the root are kept, one item per line.
 *
 * Text that is not well-formed is refused: returned unchanged with the reason.
 */
import { parseXml } from '../../../../shared/xcap/xml/parse';
import type { SourceElement } from '../../../../shared/xcap/xml/source-index';

export interface FormatResult {
  readonly text: string;
  /** Why the text was left unchanged (not well-formed, refused), or null when it was formatted. */
  readonly reason: string | null;
}

const INDENT = '  ';

export function formatXml(text: string): string {
  return formatXmlDocument(text).text;
}

export function formatXmlDocument(text: string): FormatResult {
  let root: SourceElement;
  try {
    root = parseXml(text).root;
  } catch (error) {
    return { text, reason: `not formatted: ${(error as Error).message}` };
  }
  const out: string[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  for (const item of miscItems(text, bom.length, root.start)) out.push(item);
  formatElement(text, root, 0, out);
  for (const item of miscItems(text, root.end, text.length)) out.push(item);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { text: bom + out.join(newline) + newline, reason: null };
}

function formatElement(text: string, element: SourceElement, depth: number, out: string[]): void {
  const indent = INDENT.repeat(depth);
  const verbatim = () => {
    out.push(indent + text.slice(element.start, element.end));
  };
  if (element.selfClosing || element.children.length === 0 || preservesSpace(element)) return verbatim();
  // Between the children: only whitespace, comments and processing instructions, or it is mixed content.
  const gaps: string[][] = [];
  let from = element.startTagEnd;
  for (const child of [...element.children, null]) {
    const to = child ? child.start : element.contentEnd;
    const items = markupOnly(text, from, to);
    if (!items) return verbatim();
    gaps.push(items);
    if (child) from = child.end;
  }
  out.push(indent + text.slice(element.start, element.startTagEnd));
  element.children.forEach((child, i) => {
    for (const item of gaps[i] ?? []) out.push(indent + INDENT + item);
    formatElement(text, child, depth + 1, out);
  });
  for (const item of gaps[element.children.length] ?? []) out.push(indent + INDENT + item);
  out.push(indent + text.slice(element.contentEnd, element.end));
}

function preservesSpace(element: SourceElement): boolean {
  return element.attributes.some((a) => a.qname === 'xml:space' && a.value === 'preserve');
}

/** Comments and PIs in text[from, to) when everything else there is whitespace; null when there is character data (or CDATA). */
function markupOnly(text: string, from: number, to: number): string[] | null {
  const items: string[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      i++;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i) + 3;
      items.push(text.slice(i, end));
      i = end;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i) + 2;
      items.push(text.slice(i, end));
      i = end;
    } else {
      return null;
    }
  }
  return items;
}

/** Items of the prolog or epilog: XML declaration, comments, PIs, DOCTYPE (with its internal subset). */
function miscItems(text: string, from: number, to: number): string[] {
  const items: string[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      i++;
      continue;
    }
    let end: number;
    if (text.startsWith('<!--', i)) end = text.indexOf('-->', i) + 3;
    else if (text.startsWith('<?', i)) end = text.indexOf('?>', i) + 2;
    else if (text.startsWith('<!DOCTYPE', i)) {
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      end = text.indexOf('>', subset !== -1 && subset < close ? text.indexOf(']', subset) : i) + 1;
    } else end = to; // not reachable for text parseXml accepted; keep the rest as it is
    if (end <= i) end = to;
    items.push(text.slice(i, Math.min(end, to)));
    i = end;
  }
  return items;
}

/**
 * The extent of the element whose start tag begins at an offset, found by a tolerant scan (the
 * text in the editor may be mid-edit): used to reveal and select a node the tree or a node
 * selector points at. Falls back to the start tag alone when the end cannot be found.
 */
export function elementRangeAt(text: string, offset: number): { start: number; end: number } {
  if (text[offset] !== '<') return { start: offset, end: Math.min(text.length, offset + 1) };
  const startTagEnd = tagEnd(text, offset);
  if (startTagEnd === -1) return { start: offset, end: Math.min(text.length, offset + 1) };
  if (text[startTagEnd - 2] === '/') return { start: offset, end: startTagEnd };
  let depth = 1;
  let i = startTagEnd;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) return { start: offset, end: startTagEnd };
    if (text.startsWith('<!--', lt)) i = after(text, '-->', lt);
    else if (text.startsWith('<![CDATA[', lt)) i = after(text, ']]>', lt);
    else if (text.startsWith('<?', lt)) i = after(text, '?>', lt);
    else {
      const end = tagEnd(text, lt);
      if (end === -1) return { start: offset, end: startTagEnd };
      if (text[lt + 1] === '/') depth--;
      else if (text[end - 2] !== '/') depth++;
      if (depth === 0) return { start: offset, end };
      i = end;
    }
    if (i === -1) return { start: offset, end: startTagEnd };
  }
}

/** Offset after the `>` closing the tag at `lt` (quotes respected), or -1. */
function tagEnd(text: string, lt: number): number {
  let quote: string | null = null;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return -1;
  }
  return -1;
}

function after(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

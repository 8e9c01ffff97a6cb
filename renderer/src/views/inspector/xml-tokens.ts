/**
 * A small, forgiving XML tokenizer for display (pretty-printing bodies, decoding xcap-error): no
 * validation, no entity expansion beyond the predefined ones. Returns null when the text is not a
 * sequence of XML tokens (truncated or not XML), so callers show the raw text instead.
 */

export type XmlToken =
  | { readonly kind: 'open'; readonly name: string; readonly attributes: readonly XmlAttribute[]; readonly selfClosing: boolean; readonly raw: string }
  | { readonly kind: 'close'; readonly name: string; readonly raw: string }
  | { readonly kind: 'text'; readonly raw: string }
  /** Declarations, processing instructions, comments, CDATA sections, DOCTYPE: kept verbatim. */
  | { readonly kind: 'other'; readonly raw: string };

export interface XmlAttribute {
  readonly name: string;
  /** Entity-decoded. */
  readonly value: string;
}

const NAME = /^[^\s/>=<"']+/;
const ATTRIBUTE = /^\s+([^\s/>=<"']+)\s*=\s*("([^"]*)"|'([^']*)')/;

export function tokenizeXml(text: string): XmlToken[] | null {
  const tokens: XmlToken[] = [];
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) {
      tokens.push({ kind: 'text', raw: text.slice(at) });
      break;
    }
    if (lt > at) tokens.push({ kind: 'text', raw: text.slice(at, lt) });
    const rest = (marker: string, from: number) => text.startsWith(marker, from);
    let end: number;
    if (rest('<!--', lt)) end = closeAfter(text, '-->', lt + 4);
    else if (rest('<![CDATA[', lt)) end = closeAfter(text, ']]>', lt + 9);
    else if (rest('<?', lt)) end = closeAfter(text, '?>', lt + 2);
    else if (rest('<!', lt)) end = doctypeEnd(text, lt + 2);
    else if (rest('</', lt)) {
      const gt = text.indexOf('>', lt);
      if (gt < 0) return null;
      const name = text.slice(lt + 2, gt).trim();
      if (!NAME.test(name)) return null;
      tokens.push({ kind: 'close', name, raw: text.slice(lt, gt + 1) });
      at = gt + 1;
      continue;
    } else {
      const open = openTag(text, lt);
      if (!open) return null;
      tokens.push(open.token);
      at = open.end;
      continue;
    }
    if (end < 0) return null;
    tokens.push({ kind: 'other', raw: text.slice(lt, end) });
    at = end;
  }
  return tokens;
}

function closeAfter(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found < 0 ? -1 : found + marker.length;
}

/** `<!DOCTYPE … [ … ]>`: the end after the internal subset, if any. */
function doctypeEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function openTag(text: string, lt: number): { token: XmlToken; end: number } | null {
  let rest = text.slice(lt + 1, Math.min(text.length, lt + 1 + 64 * 1024));
  const name = NAME.exec(rest)?.[0];
  if (!name) return null;
  rest = rest.slice(name.length);
  let consumed = 1 + name.length;
  const attributes: XmlAttribute[] = [];
  for (;;) {
    const attribute = ATTRIBUTE.exec(rest);
    if (!attribute) break;
    attributes.push({ name: attribute[1] ?? '', value: decodeEntities(attribute[3] ?? attribute[4] ?? '') });
    rest = rest.slice(attribute[0].length);
    consumed += attribute[0].length;
  }
  const close = /^\s*(\/?)>/.exec(rest);
  if (!close) return null;
  consumed += close[0].length;
  return { token: { kind: 'open', name, attributes, selfClosing: close[1] === '/', raw: text.slice(lt, lt + consumed) }, end: lt + consumed };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The predefined entities and character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** `prefix:local` → `local`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

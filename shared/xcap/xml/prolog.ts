import { XcapCoreError } from '../errors';

export interface XmlDeclaration {
  readonly version: string;
  readonly encoding: string | null;
  /** Offset just after `?>`. */
  readonly end: number;
}

const DECLARATION = /^\uFEFF?<\?xml\s+version\s*=\s*(["'])([^"']*)\1(?:\s+encoding\s*=\s*(["'])([^"']*)\3)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\5)?\s*\?>/;

/** Reads the XML declaration at the start of `text`, if there is one. */
export function readXmlDeclaration(text: string): XmlDeclaration | null {
  const match = DECLARATION.exec(text.length > 512 ? text.slice(0, 512) : text);
  if (!match) return null;
  return { version: match[2] ?? '1.0', encoding: match[4] ?? null, end: match[0].length };
}

/**
 * Refuses what must never reach the XML parser: an encoding other than UTF-8, external DTDs and
 * entity declarations. XCAP documents have no use for them, and they are how XML attacks work
 * (external entities read local files or the network; nested entities expand without bound).
 */
export function assertSafeProlog(text: string): void {
  const declaration = readXmlDeclaration(text);
  if (declaration?.encoding && !/^utf-?8$/i.test(declaration.encoding)) {
    throw new XcapCoreError('not-utf-8', `the XML declaration says encoding="${declaration.encoding}"; XCAP content must be UTF-8`, { line: 1 });
  }
  const doctype = findDoctype(text, declaration?.end ?? 0);
  if (doctype === -1) return;
  const position = lineAndColumn(text, doctype);
  const rootStart = findRootStart(text, doctype);
  const declarations = text.slice(doctype, rootStart === -1 ? text.length : rootStart);
  if (/<!ENTITY/.test(declarations)) {
    throw new XcapCoreError('entity-declaration', 'the document declares entities in its DTD; entity declarations are refused (they can expand without bound or read external resources)', position);
  }
  if (/^<!DOCTYPE\s+[^\s[>]+\s+(SYSTEM|PUBLIC)\b/.test(declarations)) {
    throw new XcapCoreError('external-entity', 'the document refers to an external DTD; external DTDs and entities are never fetched', position);
  }
}

/** Offset of `<!DOCTYPE` in the prolog, or -1 when the prolog has none. */
function findDoctype(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = end + 2;
    } else if (i === 0 && text.charCodeAt(0) === 0xfeff) {
      i = 1;
    } else {
      return text.startsWith('<!DOCTYPE', i) ? i : -1;
    }
  }
}

/** The first `<` followed by a name start after the DOCTYPE's internal subset; good enough to bound the search. */
function findRootStart(text: string, from: number): number {
  const subsetEnd = text.indexOf(']>', from);
  const plainEnd = text.indexOf('>', from);
  const end = subsetEnd !== -1 && text.lastIndexOf('[', plainEnd) > from ? subsetEnd : plainEnd;
  return end === -1 ? -1 : end;
}

export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Editor markers: what the validation worker reports, in Monaco's 1-based line/column terms, and
 * the text-position helpers that place core errors (offsets, or libxml2's line/column) on ranges.
 * Plain TypeScript (no DOM, no Monaco): runs in the worker and in unit tests.
 */

export type MarkerSource = 'xml' | 'schema' | 'constraint';

export interface EditorMarker {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 1-based, like Monaco. endColumn is exclusive. */
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly source: MarkerSource;
}

/** Offsets of line starts, to turn offsets into line/column (and back) without rescanning. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] ?? 0) + 1 };
  }

  /** 0-based offset of a 1-based line/column (clamped to the text). */
  offset(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.starts.length - 1));
    const start = this.starts[index] ?? 0;
    return Math.min(start + Math.max(0, column - 1), this.lineEnd(index + 1));
  }

  /** Text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const index = Math.max(0, Math.min(line - 1, this.starts.length - 1));
    const start = this.starts[index] ?? 0;
    return this.text.slice(start, this.lineEnd(index + 1));
  }

  private lineEnd(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    return next > 0 && this.text.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  }
}

export function markerForOffsets(lines: LineMap, start: number, end: number, fields: Pick<EditorMarker, 'severity' | 'message' | 'source'>): EditorMarker {
  const from = lines.position(start);
  const to = lines.position(Math.max(end, start + 1));
  return { ...fields, startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * A marker for a problem libxml2 reports at a line and column. libxml2's column points just after
 * what it could not accept (0 when it gives none): the marker covers the markup token around it, so
 * the squiggle sits on the tag or attribute rather than on one character.
 */
export function markerAtLineColumn(lines: LineMap, line: number, column: number, fields: Pick<EditorMarker, 'severity' | 'message' | 'source'>): EditorMarker {
  const safeLine = Math.max(1, Math.min(line || 1, lines.lineCount));
  const text = lines.lineText(safeLine);
  if (text.trim() === '') return { ...fields, startLine: safeLine, startColumn: 1, endLine: safeLine, endColumn: Math.max(2, text.length + 1) };
  if (column <= 0) {
    // No column: the first non-blank stretch of the line (usually the start tag libxml2 means).
    const first = text.search(/\S/);
    return { ...fields, startLine: safeLine, startColumn: first + 1, endLine: safeLine, endColumn: tokenEnd(text, first) + 1 };
  }
  // The character before the column; on blanks (an error at the start of a line), the next token, else the previous one.
  let at = Math.max(0, Math.min(column - 2, text.length - 1));
  if (isSpace(text[at])) {
    const next = text.slice(at).search(/\S/);
    at = next !== -1 ? at + next : text.trimEnd().length - 1;
  }
  let start = at;
  while (start > 0 && !isSpace(text[start - 1]) && text[start] !== '<' && text[start - 1] !== '>') start--;
  return { ...fields, startLine: safeLine, startColumn: start + 1, endLine: safeLine, endColumn: tokenEnd(text, at) + 1 };
}

/** End (exclusive) of the markup token at `from`: up to the next blank or `<`, through a `>`. */
function tokenEnd(text: string, from: number): number {
  let end = from + 1;
  while (end < text.length && !isSpace(text[end]) && text[end] !== '<' && text[end - 1] !== '>') end++;
  return end;
}

/**
 * A marker for a schema problem: libxml2 gives the line of the element and names it
 * (`Element '{ns}local'` and maybe `, attribute 'name'`); mark that tag or attribute on the line
 * when it is there, else the first tag of the line.
 */
export function markerForSchemaProblem(lines: LineMap, line: number, column: number, message: string, severity: EditorMarker['severity'] = 'error'): EditorMarker {
  const fields = { severity, message, source: 'schema' as const };
  const text = lines.lineText(Math.max(1, line));
  const element = /^Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  const attribute = /^Element '[^']*', attribute '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  if (line > 0 && element) {
    const tag = new RegExp(`<(?:[\\w.-]+:)?${escapeRegExp(element)}(?=[\\s/>]|$)`).exec(text);
    if (tag) {
      if (attribute) {
        const found = new RegExp(`(?<=\\s)(?:[\\w.-]+:)?${escapeRegExp(attribute)}\\s*=\\s*("[^"]*"|'[^']*')`).exec(text.slice(tag.index));
        if (found) {
          const start = tag.index + found.index;
          return { ...fields, startLine: line, startColumn: start + 1, endLine: line, endColumn: start + found[0].length + 1 };
        }
      }
      return { ...fields, startLine: line, startColumn: tag.index + 1, endLine: line, endColumn: tag.index + tag[0].length + 1 };
    }
  }
  return markerAtLineColumn(lines, line, column, fields);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { SourceElement, SourceIndex } from '../xml/source-index';
import { isXmlSpace } from '../xml/prolog';
import type { EvaluableStep } from './select';
import { matchesNameTest } from './select';
import type { TextEdit } from './types';

/**
 * Where a PUT inserts an element whose selector selects nothing (RFC 4825 §8.2.3):
 * - with a position `[n]`: as the n-th sibling matching the step's name test (or any element for
 *   `*`), which needs at least n-1 of them already;
 * - otherwise after the last sibling with the new element's name, or after all children when there
 *   is none (the behaviour of the reference server OpenXCAP, which keeps same-named elements together).
 * The new element's text is inserted exactly as sent, so a GET of the same URI returns the body;
 * only the whitespace around it is chosen to match the surrounding indentation.
 */
export function planInsertion(
  index: SourceIndex,
  parent: SourceElement,
  step: EvaluableStep,
  element: { local: string; namespace: string | null },
  elementText: string,
): TextEdit | { cannotInsert: string } {
  const { children } = parent;
  if (step.position !== null) {
    const matching = children.filter((child) => matchesNameTest(child, step.test));
    const n = step.position;
    const atPosition = matching[n - 1];
    if (atPosition) return insertBefore(index, atPosition, elementText);
    const previous = matching[n - 2];
    if (previous && matching.length === n - 1) return insertAfter(index, previous, elementText);
    if (n > matching.length + 1) {
      return { cannotInsert: `position ${n} cannot be created: there ${matching.length === 1 ? 'is' : 'are'} only ${matching.length} matching sibling${matching.length === 1 ? '' : 's'}, so the highest position a new element can take is ${matching.length + 1}` };
    }
  }
  // After the last sibling with the new element's name (scanning from the end: usually the last one).
  let after = children.at(-1);
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i] as SourceElement;
    if (child.local === element.local && child.namespace === element.namespace) {
      after = child;
      break;
    }
  }
  return after ? insertAfter(index, after, elementText) : insertIntoEmpty(index, parent, elementText);
}

function insertAfter(index: SourceIndex, sibling: SourceElement, text: string): TextEdit {
  return { start: sibling.end, end: sibling.end, insert: whitespaceBefore(index.text, sibling.start) + text };
}

function insertBefore(index: SourceIndex, sibling: SourceElement, text: string): TextEdit {
  return { start: sibling.start, end: sibling.start, insert: text + whitespaceBefore(index.text, sibling.start) };
}

function insertIntoEmpty(index: SourceIndex, parent: SourceElement, text: string): TextEdit {
  const source = index.text;
  const parentIndent = lineIndentation(source, parent.start);
  const childBreak = parentIndent === null ? '' : '\n' + parentIndent + indentationUnit(source, parent);
  const parentBreak = parentIndent === null ? '' : '\n' + parentIndent;
  if (parent.selfClosing) {
    // `<list name="x"/>` becomes `<list name="x">…</list>`; the start tag keeps its bytes up to "/>".
    return { start: parent.startTagEnd - 2, end: parent.startTagEnd, insert: `>${childBreak}${text}${parentBreak}</${parent.qname}>` };
  }
  const content = source.slice(parent.startTagEnd, parent.contentEnd);
  if (content.length === 0) return { start: parent.startTagEnd, end: parent.startTagEnd, insert: childBreak + text + parentBreak };
  if (isAllWhitespace(content) && content.includes('\n')) return { start: parent.startTagEnd, end: parent.startTagEnd, insert: childBreak + text };
  return { start: parent.contentEnd, end: parent.contentEnd, insert: text };
}

/** The whitespace run just before `offset` (the indentation a sibling has), possibly empty. */
export function whitespaceBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && isXmlSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i, offset);
}

/** Indentation of the line `offset` is on, when only whitespace precedes it on that line; else null. */
function lineIndentation(text: string, offset: number): string | null {
  const run = whitespaceBefore(text, offset);
  const newline = run.lastIndexOf('\n');
  return newline === -1 ? null : run.slice(newline + 1);
}

function indentationUnit(text: string, parent: SourceElement): string {
  const own = lineIndentation(text, parent.start);
  const outer = parent.parent ? lineIndentation(text, parent.parent.start) : '';
  if (own !== null && outer !== null && own.length > outer.length && own.startsWith(outer)) return own.slice(outer.length);
  return own?.includes('\t') ? '\t' : '  ';
}

function isAllWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isXmlSpace(text.charCodeAt(i))) return false;
  return true;
}

import type { SourceElement, SourceIndex } from './source-index';
import { indexContent } from './source-index';

/** A text change: `insert` replaced [start, end) of the indexed text (the shape of the edit engine's TextEdit). */
export interface IndexedTextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/**
 * The index of `text`, which is `previous.text` with `edit` applied, built from the previous index
 * instead of scanning the whole text again: when the edit replaces whole nodes inside one element's
 * content (what an element PUT or DELETE does), only the inserted markup is scanned; everything else
 * is copied with its offsets moved. The result equals indexSource(text). Null when the edit is of
 * another kind (it touches a start tag, or the root element itself): the caller scans the text.
 *
 * The previous index is left as it is (a copy, not an update): its holders may still use it.
 */
export function spliceIndex(previous: SourceIndex, text: string, edit: IndexedTextEdit): SourceIndex | null {
  if (text.length !== previous.text.length - (edit.end - edit.start) + edit.insert.length) return null;
  const parent = innermostContainer(previous.root, edit);
  if (!parent) return null;
  for (const child of parent.children) {
    const before = child.end <= edit.start;
    const after = child.start >= edit.end;
    const inside = child.start >= edit.start && child.end <= edit.end;
    if (!before && !after && !inside) return null;
  }
  const splice: Splice = { text, edit, container: parent, delta: edit.insert.length - (edit.end - edit.start) };
  try {
    return { text, root: copyTree(previous.root, null, splice) };
  } catch (error) {
    if (error instanceof NotSpliceable) return null;
    throw error;
  }
}

interface Splice {
  readonly text: string;
  readonly edit: IndexedTextEdit;
  /** The element whose content the edit changes. */
  readonly container: SourceElement;
  /** How far the edit moved the text after it. */
  readonly delta: number;
}

// Plain functions, not closures: a written document's index is built on every element write, and
// under tsx (the CLI) each named closure costs a defineProperty for its name.
function copyTree(element: SourceElement, copiedParent: SourceElement | null, splice: Splice): SourceElement {
  const { edit } = splice;
  const copied = copyElement(element, copiedParent, edit, splice.delta);
  if (element === splice.container) {
    for (const child of element.children) if (child.end <= edit.start) copied.children.push(copyTree(child, copied, splice));
    if (!indexContent(splice.text, edit.start, edit.start + edit.insert.length, copied)) throw new NotSpliceable();
    for (const child of element.children) if (child.start >= edit.end) copied.children.push(copyTree(child, copied, splice));
  } else {
    for (const child of element.children) copied.children.push(copyTree(child, copied, splice));
  }
  return copied;
}

class NotSpliceable extends Error {}

/** The innermost element whose content (between its tags) holds the whole edited range; null when none does. */
function innermostContainer(root: SourceElement, edit: IndexedTextEdit): SourceElement | null {
  if (!holdsEdit(root, edit)) return null;
  let container = root;
  for (;;) {
    const { children } = container;
    // Children are in document order: binary search for the last one starting at or before the edit.
    let low = 0;
    let high = children.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((children[middle] as SourceElement).start <= edit.start) low = middle;
      else high = middle - 1;
    }
    const candidate = children[low];
    if (!candidate || !holdsEdit(candidate, edit)) return container;
    container = candidate;
  }
}

function holdsEdit(element: SourceElement, edit: IndexedTextEdit): boolean {
  return !element.selfClosing && element.startTagEnd <= edit.start && edit.end <= element.contentEnd;
}

/**
 * A copy of `element` without children, its offsets moved by `delta` where the edit moved them: all
 * of them for an element after the edit, the end tag's for an element around it (its content
 * changed), none for an element before it. Same property order as the scanner's (one object shape).
 */
function copyElement(element: SourceElement, parent: SourceElement | null, edit: IndexedTextEdit, delta: number): SourceElement {
  const after = element.start >= edit.end;
  const around = !after && element.end > edit.start;
  const tagDelta = after ? delta : 0;
  const endDelta = after || around ? delta : 0;
  return {
    qname: element.qname,
    prefix: element.prefix,
    local: element.local,
    namespace: element.namespace,
    parent,
    children: [],
    // Start tags that keep their offsets share their lists (nothing changes them).
    attributes: tagDelta === 0 ? element.attributes : element.attributes.map((attribute) => ({ ...attribute, start: attribute.start + delta, end: attribute.end + delta })),
    namespaceDeclarations:
      tagDelta === 0 || element.namespaceDeclarations.length === 0
        ? element.namespaceDeclarations
        : element.namespaceDeclarations.map((declaration) => ({ ...declaration, start: declaration.start + delta, end: declaration.end + delta })),
    start: element.start + tagDelta,
    startTagEnd: element.startTagEnd + tagDelta,
    contentEnd: element.contentEnd + endDelta,
    end: element.end + endDelta,
    selfClosing: element.selfClosing,
  };
}

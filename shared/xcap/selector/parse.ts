/**
 * Parser for RFC 4825 §6.3 node selectors, as typed (percent-decoding is the URI layer's job).
 *
 * Single left-to-right pass, no backtracking: every character is looked at a bounded number of
 * times, so hostile input (100k brackets or quotes) costs linear time. Errors are XcapCoreError
 * with code 'invalid-selector' (or 'unsupported-extension-selector') and a 1-based column.
 */
import type { NodeSelector, Step, TerminalSelector } from './ast';
import { columnOf, expectedAt, invalidSelector, quoteExcerpt } from './selector-error';
import { isStepBoundary, scanElementStep } from './parse-step';
import { scanQNameAt } from './parse-qname';

const NAMESPACE_SELECTOR = 'namespace::*';

export function parseNodeSelector(text: string): NodeSelector {
  if (text.length === 0) {
    throw invalidSelector('empty node selector: start with the root element name, e.g. resource-lists/list[@name="friends"]', 0);
  }
  if (text[0] === '/') {
    throw invalidSelector(
      'a node selector must not start with "/" (column 1): it is relative to the document, ' +
        'so start with the root element name, e.g. resource-lists/list[@name="friends"]',
      0,
    );
  }
  const steps: Step[] = [];
  let offset = 0;
  for (;;) {
    assertStepPresent(text, offset);
    const terminal = scanTerminalAt(text, offset);
    if (terminal !== null) {
      assertValidTerminalPlacement(text, terminal, steps.length);
      return { steps, terminal };
    }
    const step = scanElementStep(text, offset);
    steps.push(step);
    if (step.end === text.length) return { steps, terminal: null };
    offset = step.end + 1; // skip the "/" that scanElementStep guarantees
  }
}

function assertStepPresent(text: string, offset: number): void {
  if (offset === text.length) {
    throw invalidSelector(`empty step at column ${columnOf(offset)}: a node selector must not end with "/"`, offset);
  }
  if (text[offset] === '/') throw invalidSelector(`empty step at column ${columnOf(offset)} ("//" is not allowed)`, offset);
}

/** The terminal selectors `@att-name` and `namespace::*`, or null when the step at `offset` is an element step. */
function scanTerminalAt(text: string, offset: number): TerminalSelector | null {
  if (text[offset] === '@') {
    const scanned = scanQNameAt(text, offset + 1);
    if (scanned === null) throw expectedAt('an attribute name after "@"', text, offset + 1);
    return { kind: 'attribute', name: { prefix: scanned.prefix, local: scanned.local }, start: offset, end: scanned.end };
  }
  const end = offset + NAMESPACE_SELECTOR.length;
  if (text.startsWith(NAMESPACE_SELECTOR, offset) && isStepBoundary(text, end)) {
    return { kind: 'namespace', start: offset, end };
  }
  return null;
}

function assertValidTerminalPlacement(text: string, terminal: TerminalSelector, elementSteps: number): void {
  const written = quoteExcerpt(text.slice(terminal.start, terminal.end));
  if (elementSteps === 0) {
    throw invalidSelector(
      `${written} at column ${columnOf(terminal.start)} must follow an element step: a node selector starts with the root element name`,
      terminal.start,
    );
  }
  if (terminal.end === text.length) return;
  if (text[terminal.end] === '/') {
    throw invalidSelector(`${written} at column ${columnOf(terminal.start)} must be the last step of the node selector`, terminal.start);
  }
  throw expectedAt(`the end of the selector after ${written}`, text, terminal.end);
}

/**
 * Printing node selectors. Parsed selectors print back exactly as typed, because attribute values
 * are printed from `rawValue` and `quote`; selectors built in code should get their rawValue from
 * escapeAttValue.
 */
import type { AttQuote } from './att-value';
import type { AttributeTest, NameTest, NodeSelector, QName, Step, TerminalSelector } from './ast';
import { assertPrintable } from './assert-printable';
import { XcapCoreError } from '../errors';
import { formatCodePoint, isXmlChar } from '../xml/chars';

export function printNodeSelector(selector: NodeSelector): string {
  assertPrintable(selector);
  const parts = selector.steps.map(printStep);
  if (selector.terminal !== null) parts.push(printTerminal(selector.terminal));
  return parts.join('/');
}

export function formatQName(name: QName): string {
  return name.prefix === null ? name.local : `${name.prefix}:${name.local}`;
}

/**
 * A rawValue that decodes back to exactly `value` when delimited by `quote`: escapes "&", "<" and
 * the quote, and writes tab, line feed and carriage return as character references because a
 * literal one would be normalized to a space. Throws invalid-argument for characters XML cannot
 * carry at all (controls, lone surrogates, U+FFFE/U+FFFF): no document attribute can hold them.
 */
export function escapeAttValue(value: string, quote: AttQuote): string {
  let escaped = '';
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!isXmlChar(codePoint)) {
      throw new XcapCoreError('invalid-argument', `character ${formatCodePoint(codePoint)} cannot appear in an XML attribute value`);
    }
    escaped += escapeChar(char, quote);
  }
  return escaped;
}

function escapeChar(char: string, quote: AttQuote): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '\t':
      return '&#9;';
    case '\n':
      return '&#10;';
    case '\r':
      return '&#13;';
    case quote:
      return quote === '"' ? '&quot;' : '&apos;';
    default:
      return char;
  }
}

function printStep(step: Step): string {
  const position = step.position === null ? '' : `[${step.position}]`;
  const attribute = step.attribute === null ? '' : `[${printAttributeTest(step.attribute)}]`;
  return printNameTest(step.test) + position + attribute;
}

function printNameTest(test: NameTest): string {
  return test.kind === 'any' ? '*' : formatQName(test);
}

function printAttributeTest(attribute: AttributeTest): string {
  return `@${formatQName(attribute.name)}=${attribute.quote}${attribute.rawValue}${attribute.quote}`;
}

function printTerminal(terminal: TerminalSelector): string {
  return terminal.kind === 'attribute' ? `@${formatQName(terminal.name)}` : 'namespace::*';
}

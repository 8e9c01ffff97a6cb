/**
 * Checks a selector built in code before printing it, so the printer never emits text that the
 * parser (or an XCAP server) would reject. Parsed selectors always pass.
 */
import type { AttributeTest, NodeSelector, QName, Step } from './ast';
import { isAttQuote, scanAttValue, type ScannedAttValue } from './att-value';
import { isXcapCoreError, XcapCoreError } from '../errors';
import { MAX_POSITION } from './parse-predicates';
import { quoteExcerpt } from './selector-error';
import { isNCName } from '../xml/names';

export function assertPrintable(selector: NodeSelector): void {
  if (selector.steps.length === 0) throw invalidArgument('a node selector needs at least one element step');
  selector.steps.forEach(assertPrintableStep);
  if (selector.terminal?.kind === 'attribute') assertQName(selector.terminal.name, 'terminal attribute selector');
}

function assertPrintableStep(step: Step, index: number): void {
  const where = `step ${index + 1}`;
  if (step.test.kind === 'name') assertQName(step.test, `element name of ${where}`);
  const { position } = step;
  if (position !== null && !(Number.isInteger(position) && position >= 1 && position <= MAX_POSITION)) {
    throw invalidArgument(`position ${position} of ${where} must be an integer from 1 to ${MAX_POSITION}`);
  }
  if (step.attribute !== null) assertPrintableAttributeTest(step.attribute, where);
}

function assertPrintableAttributeTest(attribute: AttributeTest, where: string): void {
  assertQName(attribute.name, `attribute name of ${where}`);
  const { quote, rawValue } = attribute;
  if (!isAttQuote(quote)) throw invalidArgument(`quote of the attribute test of ${where} must be " or '`);
  const problem = `rawValue ${quoteExcerpt(rawValue)} of the attribute test of ${where}`;
  const quoted = `${quote}${rawValue}${quote}`;
  const scanned = scanOrNull(quoted);
  if (scanned === null) throw invalidArgument(`${problem} is not a valid XML attribute value: use escapeAttValue`);
  if (scanned.end !== quoted.length) throw invalidArgument(`${problem} contains its own quote ${quote}: use escapeAttValue`);
  if (scanned.value !== attribute.value) throw invalidArgument(`${problem} does not decode to its value ${quoteExcerpt(attribute.value)}`);
}

function scanOrNull(quoted: string): ScannedAttValue | null {
  try {
    return scanAttValue(quoted, 0);
  } catch (error) {
    if (isXcapCoreError(error, 'invalid-selector')) return null;
    throw error;
  }
}

function assertQName(name: QName, what: string): void {
  if ((name.prefix !== null && !isNCName(name.prefix)) || !isNCName(name.local)) {
    const written = name.prefix === null ? name.local : `${name.prefix}:${name.local}`;
    throw invalidArgument(`${what} ${quoteExcerpt(written)} is not a valid XML QName`);
  }
}

function invalidArgument(message: string): XcapCoreError {
  return new XcapCoreError('invalid-argument', message);
}

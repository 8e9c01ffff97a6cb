/**
 * Fuzzing the core's three entry points for untrusted text: ≥ 100,000 random inputs in all
 * (selectors, URIs, XML documents and element bodies). Each input must end in a result or a typed
 * XcapCoreError — never another exception — within a bounded time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyXcapRequest, loadXcapDocument } from '../../shared/xcap/edit';
import { isXcapCoreError } from '../../shared/xcap/errors';
import { parseNodeSelector } from '../../shared/xcap/selector';
import { parseXcapUri, parseXcapUriLenient } from '../../shared/xcap/uri';
import { getApplicationUsage } from '../../shared/xcap/usages/registry';

const MAX_MS_PER_INPUT = 1000; // generous: catches runaway (super-linear) behaviour, not jitter or a GC pause on a busy machine

function guarded(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
  }
  return performance.now() - start;
}

/** Strings biased towards the syntax each parser cares about. */
function syntaxString(alphabet: string[], maxLength: number) {
  return fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 1 })), { maxLength }).map((parts) => parts.join(''));
}

const selectorPieces = ['/', '[', ']', '@', '=', '"', "'", '*', ':', 'namespace::*', 'list', 'entry', 'p:', '1', '0', '&amp;', '&#x', ';', '<', ' '];
const uriPieces = ['http://', 'https://', 'x.example.com', ':8080', '/', '~~', '?', 'xmlns(', 'p=urn:a', ')', '%', '%5B', '%2', 'users', 'global', 'sip:alice@example.com', 'index', 'resource-lists', '#', '..', '[', '"'];
const xmlPieces = ['<', '>', '/', '</', '<?xml version="1.0"?>', '<!DOCTYPE r [', '<!ENTITY e "', '&e;', '&amp;', '&#', ']]>', '<![CDATA[', '<!--', '-->', 'list', 'entry', ' xmlns="urn:ietf:params:xml:ns:resource-lists"', ' xmlns:p="urn:x"', 'p:', ' name="a"', ' uri="sip:b@c"', '"', "'", '=', '\u0000', '\uFFFE', ' '];

describe('fuzz: no crash, bounded time per input', () => {
  it('node selectors (40,000 inputs)', () => {
    let slowest = 0;
    fc.assert(fc.property(syntaxString(selectorPieces, 40), (text) => void (slowest = Math.max(slowest, guarded(() => parseNodeSelector(text))))), { numRuns: 40_000 });
    expect(slowest).toBeLessThan(MAX_MS_PER_INPUT);
  });

  it('XCAP URIs, strict and lenient (2 × 20,000 inputs)', () => {
    let slowest = 0;
    fc.assert(
      fc.property(syntaxString(uriPieces, 30), (text) => {
        slowest = Math.max(slowest, guarded(() => parseXcapUri(text)), guarded(() => parseXcapUriLenient(text)));
      }),
      { numRuns: 20_000 },
    );
    expect(slowest).toBeLessThan(MAX_MS_PER_INPUT);
  });

  it('XML documents and element bodies through the edit engine (2 × 20,000 inputs)', () => {
    const usage = getApplicationUsage('resource-lists');
    const base = loadXcapDocument('<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="a"/></resource-lists>');
    let slowest = 0;
    fc.assert(
      fc.property(syntaxString(xmlPieces, 30), (text) => {
        slowest = Math.max(
          slowest,
          guarded(() => {
            const result = applyXcapRequest(null, { method: 'PUT', usage, nodeSelector: null, body: text });
            expect([201, 409, 413]).toContain(result.status);
          }),
          guarded(() => {
            const result = applyXcapRequest(base, { method: 'PUT', usage, nodeSelector: 'resource-lists/list[2]', body: text });
            expect([201, 409, 413]).toContain(result.status);
          }),
        );
      }),
      { numRuns: 20_000 },
    );
    expect(slowest).toBeLessThan(MAX_MS_PER_INPUT);
  });
});

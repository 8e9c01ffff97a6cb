import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFileName, documentFileNameToSegment, fileNameToSegment, segmentToFileName } from './file-names';

describe('file names of key segments', () => {
  it('keeps lowercase ASCII readable and encodes the rest', () => {
    expect(segmentToFileName('sip:alice@example.com')).toBe('sip%3Aalice%40example.com');
    expect(segmentToFileName('Bob')).toBe('%42ob');
    expect(segmentToFileName('café')).toBe('caf%C3%A9');
    expect(segmentToFileName('a/b\\c')).toBe('a%2Fb%5Cc');
    expect(segmentToFileName('a*?<>|"')).toBe('a%2A%3F%3C%3E%7C%22');
    expect(documentFileName('index')).toBe('index=');
  });

  it('avoids names Windows or Unix treat specially', () => {
    expect(segmentToFileName('.')).toBe('%2E');
    expect(segmentToFileName('..')).toBe('%2E%2E');
    expect(segmentToFileName('.hidden')).toBe('%2Ehidden');
    expect(segmentToFileName('trailing.')).toBe('trailing%2E');
    expect(segmentToFileName('con')).toBe('%63on');
    expect(segmentToFileName('nul.xml')).toBe('%6Eul.xml');
    expect(segmentToFileName('com1')).toBe('%63om1');
    expect(segmentToFileName('console')).toBe('console');
  });

  it('recognises only canonical names', () => {
    expect(fileNameToSegment('sip%3Aalice%40example.com')).toBe('sip:alice@example.com');
    expect(fileNameToSegment('sip%3aalice%40example.com')).toBeNull(); // lowercase hex: not ours
    expect(fileNameToSegment('Bob')).toBeNull();
    expect(fileNameToSegment('.tmp-0123')).toBeNull();
    expect(documentFileNameToSegment('index=')).toBe('index');
    expect(documentFileNameToSegment('index')).toBeNull();
  });

  it('refuses segments too long for a file name', () => {
    expect(() => segmentToFileName('é'.repeat(50))).toThrow(/too long/);
  });

  it('round-trips, and never maps two segments to names equal when case is ignored', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => {
        fc.pre(a !== '' && b !== '');
        const nameA = segmentToFileName(a);
        expect(fileNameToSegment(nameA)).toBe(a);
        expect(nameA).toMatch(/^(?:[a-z0-9._-]|%[0-9A-F]{2})+$/);
        expect(nameA.startsWith('.') || nameA.endsWith('.')).toBe(false);
        if (a !== b) expect(nameA.toLowerCase()).not.toBe(segmentToFileName(b).toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

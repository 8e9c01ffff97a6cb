/** The source index's own limits: it can run before libxml2 on a request body (see scanElementFragment). */
import { describe, expect, it } from 'vitest';
import { readElementFragment, scanElementFragment } from '../edit/fragment';
import { defaultXmlLimits } from './limits';
import { indexSource, MAX_ELEMENT_DEPTH } from './source-index';

const nested = (depth: number, inner = '') => '<a>'.repeat(depth) + inner + '</a>'.repeat(depth);

describe('element depth', () => {
  it('indexes libxml2\'s deepest nesting and refuses one level more, as libxml2 does', () => {
    expect(() => indexSource(nested(MAX_ELEMENT_DEPTH))).not.toThrow();
    expect(() => indexSource(nested(MAX_ELEMENT_DEPTH - 1, '<b/>'))).not.toThrow();
    expect(() => indexSource(nested(MAX_ELEMENT_DEPTH + 1))).toThrow(/nested deeper than 256/);
    expect(() => indexSource(nested(MAX_ELEMENT_DEPTH, '<b/>'))).toThrow(/nested deeper than 256/);
  });

  it('refuses a deeply nested body at the first level too many, reported by libxml2 as not-xml-frag', () => {
    // 100,000 levels: each element's namespace lookup walks its ancestors, so without the limit
    // this body would keep the server busy for minutes (quadratic), not milliseconds.
    const body = nested(100_000);
    const root = indexSource('<r xmlns="urn:x"/>').root;
    for (const read of [scanElementFragment, readElementFragment]) {
      const started = performance.now();
      const result = read(body, root, defaultXmlLimits);
      expect(result).toMatchObject({ kind: 'not-xml-frag' });
      expect('message' in result && result.message).toMatch(/Excessive depth/);
      expect(performance.now() - started).toBeLessThan(5_000); // minutes without the limit
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DocumentCache } from './document-cache';
import type { StoredDocument } from './document-file';

const doc = (size: number): StoredDocument => ({ bytes: new Uint8Array(size), etag: 'e', modified: new Date(0) });

describe('DocumentCache', () => {
  it('evicts the least recently used first, by entries and by bytes', () => {
    const cache = new DocumentCache({ maxEntries: 3, maxBytes: 800 });
    cache.set('a', doc(100));
    cache.set('b', doc(100));
    cache.set('c', null);
    cache.get('a');
    cache.set('d', doc(100)); // fourth entry: b, least recently used, goes
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key) !== undefined)).toEqual([true, false, true, true]);
    cache.set('e', doc(100));
    cache.set('f', doc(100));
    expect(cache.size).toEqual({ entries: 3, bytes: 300 });
  });

  it('does not keep documents larger than an eighth of its bytes, and forgets what is replaced', () => {
    const cache = new DocumentCache({ maxEntries: 10, maxBytes: 800 });
    cache.set('big', doc(101));
    expect(cache.get('big')).toBeUndefined();
    cache.set('x', doc(50));
    cache.set('x', doc(20));
    cache.delete('missing');
    expect(cache.size).toEqual({ entries: 1, bytes: 20 });
    cache.set('x', doc(200));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});

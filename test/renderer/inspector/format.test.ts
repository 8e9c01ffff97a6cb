import { describe, expect, it } from 'vitest';
import type { ExchangeTimings } from '../../../shared/traffic/exchange';
import { attemptLabel, byteSize, clockTime, decodedPath, milliseconds } from '../../../renderer/src/views/inspector/format';
import { timingBars } from '../../../renderer/src/views/inspector/timing-bars';

describe('cell formats', () => {
  it('decodes the path and query of an XCAP URL, keeping malformed escapes', () => {
    expect(decodedPath('http://h:1/xcap-root/resource-lists/users/sip%3Aalice%40example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D?xmlns(p=urn:x)')).toBe(
      '/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list[@name="friends"]?xmlns(p=urn:x)',
    );
    expect(decodedPath('http://h/a%ZZ%20b')).toBe('/a%ZZ b');
    expect(decodedPath('not a url')).toBe('not a url');
  });

  it('times, sizes, attempts', () => {
    const iso = '2026-11-27T10:04:05.007Z';
    const date = new Date(iso);
    expect(clockTime(iso)).toBe(`${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}:05.007`);
    expect(milliseconds(0.456)).toBe('0.5');
    expect(milliseconds(1234.4)).toBe('1,234');
    expect([0, 999, 1500, 2_345_678].map(byteSize)).toEqual(['0 B', '999 B', '1.5 kB', '2.3 MB']);
    expect(attemptLabel('initial')).toBe('');
    expect(attemptLabel('auth-retry')).toBe('auth-retry');
  });
});

describe('timing bars', () => {
  it('lays the phases end to end on the total, the TLS handshake at the end of connect', () => {
    const timings: ExchangeTimings = { queuedMs: 10, connectMs: 40, tlsMs: 20, sendMs: 10, waitMs: 30, receiveMs: 10, firstByteMs: 90, totalMs: 100 };
    expect(timingBars(timings).map(({ phase, left, width }) => [phase, left, width])).toEqual([
      ['queued', 0, 10],
      ['connect', 10, 40],
      ['tls', 30, 20],
      ['send', 50, 10],
      ['wait', 60, 30],
      ['receive', 90, 10],
    ]);
  });

  it('skips phases that did not happen and keeps tiny ones visible', () => {
    const bars = timingBars({ queuedMs: 0.001, sendMs: 0.01, waitMs: 99.989, totalMs: 100 });
    expect(bars.map((b) => b.phase)).toEqual(['queued', 'send', 'wait']);
    expect(bars[0]?.width).toBeGreaterThan(0.3);
    expect(timingBars({ totalMs: 0 })).toEqual([]);
  });
});

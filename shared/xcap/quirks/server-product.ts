import type { VersionRange } from './types';

/** The first product of a Server header (RFC 9110 §10.2.4), e.g. kamailio 5.6.3. */
export interface ServerProduct {
  /** Lower case, e.g. "kamailio". */
  readonly product: string;
  /** Dotted numeric version when one is given, e.g. "5.6.3". */
  readonly version: string | null;
}

/**
 * Reads `product/version` and also Kamailio's `kamailio (5.6.3 (x86_64/linux))`, where the version
 * is the first thing in the comment. Null when the header is missing or empty.
 */
export function parseServerHeader(header: string | null | undefined): ServerProduct | null {
  const text = header?.trim() ?? '';
  const match = /^([^\s/()]+)(?:\/(\S+)|\s*\(\s*([0-9][^\s()]*))?/.exec(text);
  if (!match?.[1]) return null;
  const version = match[2] ?? match[3] ?? null;
  return { product: match[1].toLowerCase(), version: version !== null && /^\d+(\.\d+)*/.test(version) ? (/^\d+(\.\d+)*/.exec(version)?.[0] ?? null) : null };
}

/** Numeric comparison of dotted versions ("5.10" > "5.9"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** An unknown version is not in any bounded range: a quirk is only claimed where it was seen. */
export function inVersionRange(version: string | null, range: VersionRange): boolean {
  if (range.from === undefined && range.below === undefined) return true;
  if (version === null) return false;
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  return range.below === undefined || compareVersions(version, range.below) < 0;
}

/** "5.6.x", ">= 5.6", "< 6", "any": how README and the UI print a range. */
export function formatVersionRange(range: VersionRange): string {
  const { from, below } = range;
  if (from === undefined && below === undefined) return 'any';
  if (from !== undefined && below !== undefined) {
    const f = from.split('.');
    const b = below.split('.');
    // 5.6.0 .. 5.7.0 is the 5.6 series
    if (f.length === 3 && f[2] === '0' && b.length === 3 && b[2] === '0' && f[0] === b[0] && Number(b[1]) === Number(f[1]) + 1) return `${f[0]}.${f[1]}.x`;
    return `>= ${from}, < ${below}`;
  }
  return from !== undefined ? `>= ${from}` : `< ${below ?? ''}`;
}

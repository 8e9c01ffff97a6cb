import type { HeaderPair } from './exchange';

/** Header text as on the wire: octets read as latin1, so nothing is lost or reinterpreted. */
export function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Raw headers as undici's parser hands them over (a flat [name, value, name, value, …] array of
 * Buffers or strings; a value may be an array for repeated headers) or as a plain object.
 */
export function pairsFromRaw(raw: unknown): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) pushValues(pairs, headerText(raw[i]), raw[i + 1]);
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [name, value] of Object.entries(raw)) pushValues(pairs, name, value);
  }
  return pairs;
}

/**
 * The headers of undici dispatch options in the order undici writes them: an object, a flat array
 * or an iterable of [name, value]. Mirrors undici's processHeader: undefined is skipped, null is ''.
 */
export function pairsFromDispatchHeaders(headers: unknown): HeaderPair[] {
  if (headers === null || headers === undefined) return [];
  if (Array.isArray(headers)) return pairsFromRaw(headers);
  if (typeof headers === 'object' && Symbol.iterator in headers) {
    const pairs: HeaderPair[] = [];
    for (const entry of headers as Iterable<unknown>) {
      if (Array.isArray(entry) && entry.length === 2) pushValues(pairs, headerText(entry[0]), entry[1]);
    }
    return pairs;
  }
  return pairsFromRaw(headers);
}

function pushValues(pairs: HeaderPair[], name: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) pairs.push([name, headerText(item)]);
  } else {
    pairs.push([name, headerText(value)]);
  }
}

/** Every value of a header (names compared case-insensitively), in order. */
export function headerValues(headers: readonly HeaderPair[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The first value of a header, or null. */
export function firstHeader(headers: readonly HeaderPair[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v;
  return null;
}

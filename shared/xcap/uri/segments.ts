/**
 * Path segments of a URI as written, with their positions, and the checks every XCAP path
 * segment must pass.
 */
import { XcapCoreError } from '../errors';
import { codePointLabel, isControl } from './char-classes';

export interface RawSegment {
  /** The segment as written (still percent-encoded). */
  readonly raw: string;
  /** Index of its first character in the whole text. */
  readonly start: number;
}

/** Splits text[start, end) — which begins with "/" — into the segments after each "/". */
export function splitSegments(text: string, start: number, end: number): RawSegment[] {
  const segments: RawSegment[] = [];
  let segmentStart = start + 1;
  for (let index = segmentStart; index <= end; index++) {
    if (index === end || text.charCodeAt(index) === 0x2f) {
      segments.push({ raw: text.slice(segmentStart, index), start: segmentStart });
      segmentStart = index + 1;
    }
  }
  return segments;
}

/** RFC 3986 §5.2.4 dot segments: HTTP clients (WHATWG URL, curl) remove them, so they never reach the server. */
export function isDotSegment(decoded: string): boolean {
  return decoded === '.' || decoded === '..';
}

/** A raw segment that is a dot segment once decoded ("..", "%2E%2e", ...). */
export function isRawDotSegment(raw: string): boolean {
  return raw.length <= 6 && /^(?:\.|%2e){1,2}$/i.test(raw);
}

/**
 * Why a decoded component value (AUID, XUI, document path segment, namespace name, selector)
 * cannot be carried in an XCAP URI, or null. `what` names it for the message.
 */
export function valueProblem(value: string, what: string): string | null {
  if (value === '') return `${what} is empty`;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (isControl(code)) return `${what} contains the control character ${codePointLabel(code)} at index ${index}`;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) return `${what} contains the unpaired surrogate ${codePointLabel(code)} at index ${index}`;
  }
  return null;
}

/** valueProblem plus the rules of a path segment: not a dot segment. */
export function segmentProblem(value: string, what: string): string | null {
  if (isDotSegment(value)) return `${what} is the dot segment "${value}", which HTTP clients remove before sending`;
  return valueProblem(value, what);
}

/** Throws XcapCoreError('invalid-uri') at the column of the segment starting at text index `start` when segmentProblem finds one. */
export function checkSegment(start: number, decoded: string, what: string): void {
  const problem = segmentProblem(decoded, what);
  if (problem !== null) {
    const column = start + 1;
    throw new XcapCoreError('invalid-uri', `${capitalise(problem)} (column ${column}).`, { column });
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

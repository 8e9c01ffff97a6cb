/** The checks every XCAP path segment (and every decoded component value) must pass. */
import { XcapCoreError } from '../errors';
import { codePointLabel } from './char-classes';
import { findForbiddenCharacter } from './forbidden-characters';

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
  const index = findForbiddenCharacter(value, 0, value.length);
  if (index < 0) return null;
  const code = value.charCodeAt(index);
  const kind = code >= 0xd800 && code <= 0xdfff ? 'unpaired surrogate' : 'control character';
  return `${what} contains the ${kind} ${codePointLabel(code)} at index ${index}`;
}

/** The rules of a path segment beyond its characters: not empty, not a dot segment. */
function segmentShapeProblem(value: string, what: string): string | null {
  if (value === '') return `${what} is empty`;
  if (isDotSegment(value)) return `${what} is the dot segment "${value}", which HTTP clients remove before sending`;
  return null;
}

/** Everything that keeps a decoded value from being a path segment. */
export function segmentProblem(value: string, what: string): string | null {
  return segmentShapeProblem(value, what) ?? valueProblem(value, what);
}

/**
 * Throws XcapCoreError('invalid-uri') at the column of the segment starting at text index
 * `start` when it is empty or a dot segment. Its characters were checked while decoding.
 */
export function checkSegment(start: number, decoded: string, what: string): void {
  const problem = segmentShapeProblem(decoded, what);
  if (problem !== null) {
    const column = start + 1;
    throw new XcapCoreError('invalid-uri', `${capitalise(problem)} (column ${column}).`, { column });
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

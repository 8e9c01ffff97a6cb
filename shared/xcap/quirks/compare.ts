import type { XcapOutcome } from './types';

/** One way an actual outcome differs from the expected one. */
export interface OutcomeDifference {
  readonly field: 'status' | 'content-type' | 'body' | 'xcap-error' | 'document';
  readonly expected: string | number | null;
  readonly actual: string | number | null;
}

/**
 * Where `actual` differs from `expected`: status; Content-Type and body (bytes) of a successful
 * answer; the xcap-error condition of a failure (its phrase and any text/plain explanation are free
 * text, so not compared); and the document afterwards (after `normalise`, applied to both sides).
 */
export function outcomeDifferences(expected: XcapOutcome, actual: XcapOutcome, normalise: (document: string) => string = (d) => d): OutcomeDifference[] {
  const differences: OutcomeDifference[] = [];
  if (expected.status !== actual.status) differences.push({ field: 'status', expected: expected.status, actual: actual.status });
  if (expected.status < 300 && expected.contentType !== actual.contentType) differences.push({ field: 'content-type', expected: expected.contentType, actual: actual.contentType });
  if (expected.status < 300 && expected.body !== actual.body) differences.push({ field: 'body', expected: expected.body, actual: actual.body });
  if (expected.xcapError !== actual.xcapError) differences.push({ field: 'xcap-error', expected: expected.xcapError, actual: actual.xcapError });
  const [e, a] = [expected.document, actual.document].map((d) => (d === null ? null : normalise(d)));
  if (e !== a) differences.push({ field: 'document', expected: e ?? null, actual: a ?? null });
  return differences;
}

/** The media type of a Content-Type value: parameters cut off, lower case; null when absent or empty. */
export function mediaType(contentType: string | null | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}

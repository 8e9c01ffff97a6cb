/**
 * Reads an `application/xcap-error+xml` body (RFC 4825 §11) into something a person can act on:
 * the condition, its phrase, and for uniqueness-failure the fields with the server's suggested
 * alt-values, for no-parent the closest existing ancestor.
 */
import { decodeEntities, localName, tokenizeXml } from './xml-tokens';

export interface XcapErrorInfo {
  /** e.g. `uniqueness-failure` */
  readonly condition: string;
  readonly phrase: string | null;
  /** uniqueness-failure: `exists/@field` with its `alt-value`s. */
  readonly exists: readonly { readonly field: string; readonly altValues: readonly string[] }[];
  /** no-parent: the `ancestor` URI. */
  readonly ancestor: string | null;
}

/** The media type without parameters, lowercased. */
export function mediaType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  return contentType.split(';')[0]?.trim().toLowerCase() || null;
}

export function isXcapError(contentType: string | null | undefined): boolean {
  return mediaType(contentType) === 'application/xcap-error+xml';
}

/** Null when the body is not an xcap-error document (or is cut before the condition element). */
export function parseXcapError(body: string): XcapErrorInfo | null {
  const tokens = tokenizeXml(body);
  if (!tokens) return null;
  let depth = 0;
  let inRoot = false;
  let condition: string | null = null;
  let phrase: string | null = null;
  let ancestor: string | null = null;
  const exists: { field: string; altValues: string[] }[] = [];
  let capture: 'alt-value' | 'ancestor' | null = null;
  let captured = '';
  for (const token of tokens) {
    if (token.kind === 'open') {
      const name = localName(token.name);
      if (depth === 0) {
        if (name !== 'xcap-error') return null;
        inRoot = true;
      } else if (depth === 1 && condition === null) {
        condition = name;
        phrase = token.attributes.find((a) => a.name === 'phrase')?.value ?? null;
      } else if (condition !== null && name === 'exists') {
        exists.push({ field: token.attributes.find((a) => a.name === 'field')?.value ?? '', altValues: [] });
      } else if (condition !== null && (name === 'alt-value' || name === 'ancestor') && !token.selfClosing) {
        capture = name;
        captured = '';
      }
      if (!token.selfClosing) depth++;
    } else if (token.kind === 'close') {
      depth--;
      const name = localName(token.name);
      if (capture !== null && name === capture) {
        const value = captured.trim();
        if (capture === 'ancestor') ancestor = value;
        else exists[exists.length - 1]?.altValues.push(value);
        capture = null;
      }
    } else if (capture !== null) {
      captured += token.kind === 'text' ? decodeEntities(token.raw) : token.raw.startsWith('<![CDATA[') ? token.raw.slice(9, -3) : '';
    }
  }
  if (!inRoot || condition === null) return null;
  return { condition, phrase, exists, ancestor };
}

/** `409 conflict: uniqueness-failure — phrase`. */
export function xcapErrorHeadline(status: number | null, error: XcapErrorInfo): string {
  const headline = `${status ?? '—'} ${status === 409 ? 'conflict' : 'error'}: ${error.condition}`;
  return error.phrase ? `${headline} — ${error.phrase}` : headline;
}

/** The headline, then each non-unique field with its alt-values, or the closest existing ancestor, on one line. */
export function describeXcapError(status: number | null, error: XcapErrorInfo): string {
  const parts = [xcapErrorHeadline(status, error)];
  for (const exists of error.exists) {
    parts.push(exists.altValues.length > 0 ? `${exists.field} is not unique; alt-values: ${exists.altValues.join(', ')}` : `${exists.field} is not unique`);
  }
  if (error.ancestor) parts.push(`closest existing ancestor: ${error.ancestor}`);
  return parts.join('; ');
}

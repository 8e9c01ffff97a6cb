/**
 * Strong ETags, derived from what a GET would return: the content type and the bytes. Derived,
 * not counted, so they survive restarts without a counter to persist, and a write of the same
 * representation gives the same ETag back.
 */
import { createHash } from 'node:crypto';

/** 22 base64url characters: 132 bits of SHA-256, unquoted (the caller adds the quotes on the wire). */
export const ETAG_LENGTH = 22;

const NEWLINE = new Uint8Array([0x0a]);

/**
 * The content type is hashed too: a MIME object whose type changes but not its bytes is a
 * different representation, and a client holding the old ETag must not get a 304 for it.
 */
export function computeEtag(bytes: Uint8Array, contentType: string | undefined): string {
  return createHash('sha256')
    .update(contentType ?? '')
    .update(NEWLINE)
    .update(bytes)
    .digest('base64url')
    .slice(0, ETAG_LENGTH);
}

/** Content types as the store accepts them: an RFC 9110 media type, parameters allowed. */
import { StoreError } from './store-error';

export const MAX_CONTENT_TYPE_LENGTH = 256;

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\\\u0000-\\u001f\\u007f]|\\\\[^\\u0000-\\u001f\\u007f])*"';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*$`);

/** Returns `value` when it is a media type such as `image/png` or `text/plain; charset=utf-8`; throws StoreError 'invalid-argument' otherwise. */
export function checkContentType(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_CONTENT_TYPE_LENGTH || !MEDIA_TYPE.test(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
    throw new StoreError('invalid-argument', `contentType must be a media type such as "image/png" (at most ${MAX_CONTENT_TYPE_LENGTH} characters), not ${shown}.`);
  }
  return value;
}

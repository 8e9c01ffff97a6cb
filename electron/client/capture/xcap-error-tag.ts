import { XCAP_ERROR_TYPE } from '../../../shared/xcap/edit/types';
import type { HeaderPair } from './exchange';
import { firstHeader } from './header-pairs';

const SCAN_LIMIT = 64 * 1024;
const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const ROOT = new RegExp(`<(?:${NAME}:)?xcap-error(?=[\\s/>])[^>]*>`);
const CHILD = new RegExp(`^<(?:${NAME}:)?(${NAME})`);

/** The media type of a Content-Type value, lowercased, without parameters. */
export function mediaType(contentType: string | null): string | null {
  if (contentType === null) return null;
  return contentType.split(';')[0]?.trim().toLowerCase() ?? null;
}

/**
 * The error condition of an `application/xcap-error+xml` body (RFC 4825 §11): the local name of the
 * first element inside <xcap-error>, e.g. `no-parent` or `uniqueness-failure`. Null for any other
 * content type, a body that is not such a document, or a truncated body that stops before the tag.
 * A display aid, not a validating parse: the edit engine and the server own correctness.
 */
export function xcapErrorTag(headers: readonly HeaderPair[], body: Uint8Array | null): string | null {
  if (body === null || mediaType(firstHeader(headers, 'content-type')) !== XCAP_ERROR_TYPE) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(0, SCAN_LIMIT));
  const root = ROOT.exec(text);
  if (!root || root[0].endsWith('/>')) return null;
  let rest = text.slice(root.index + root[0].length);
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return null;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return null;
      rest = rest.slice(end + 2);
    } else {
      return CHILD.exec(rest)?.[1] ?? null;
    }
  }
}

/**
 * Reads an `application/xcap-error+xml` body (RFC 4825 §11) back into the core's error detail: the
 * inverse of xcapErrorBody, tolerant of what real servers send (unknown tags are kept as text,
 * extra elements ignored). Null when the body is not an xcap-error document at all.
 */
import { NS } from '../usages/namespaces';
import { parseXml } from '../xml/parse';
import { textOf } from '../discovery/xcap-caps';
import type { UniquenessConflict, XcapErrorDetail, XcapErrorTag } from './types';

export interface ReadXcapError extends Omit<XcapErrorDetail, 'tag'> {
  /** An RFC 4825 tag, or whatever element name the server used. */
  readonly tag: XcapErrorTag | string;
}

export function readXcapErrorBody(body: string | Uint8Array): ReadXcapError | null {
  let index;
  try {
    index = parseXml(body);
  } catch {
    return null;
  }
  const { root } = index;
  if (root.local !== 'xcap-error' || root.namespace !== NS.xcapError) return null;
  const condition = root.children[0];
  if (!condition) return null;
  const phrase = condition.attributes.find((a) => a.local === 'phrase' && a.namespace === null)?.value ?? '';
  const ancestor = condition.children.find((c) => c.local === 'ancestor');
  const conflicts: UniquenessConflict[] = condition.children
    .filter((c) => c.local === 'exists')
    .map((exists) => ({
      field: exists.attributes.find((a) => a.local === 'field')?.value ?? '',
      value: '',
      altValues: exists.children.filter((c) => c.local === 'alt-value').map((c) => textOf(index, c)),
    }));
  return {
    tag: condition.local,
    phrase,
    ...(ancestor && { ancestor: textOf(index, ancestor) }),
    ...(conflicts.length > 0 && { conflicts }),
  };
}

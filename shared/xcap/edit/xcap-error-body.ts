import { NS } from '../usages/namespaces';
import { escapeAttributeValue, escapeText } from '../xml/escape';
import type { XcapErrorDetail } from './types';

/** Serialises an error as an `application/xcap-error+xml` body (RFC 4825 §11). */
export function xcapErrorBody(error: XcapErrorDetail): string {
  const phrase = ` phrase="${escapeAttributeValue(error.phrase)}"`;
  let inner: string;
  if (error.tag === 'no-parent' && error.ancestor !== undefined) {
    inner = `<no-parent${phrase}><ancestor>${escapeText(error.ancestor)}</ancestor></no-parent>`;
  } else if (error.tag === 'uniqueness-failure' && error.conflicts?.length) {
    const exists = error.conflicts
      .map((c) => `<exists field="${escapeAttributeValue(c.field)}">${c.altValues.map((v) => `<alt-value>${escapeText(v)}</alt-value>`).join('')}</exists>`)
      .join('');
    inner = `<uniqueness-failure${phrase}>${exists}</uniqueness-failure>`;
  } else {
    inner = `<${error.tag}${phrase}/>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xcap-error xmlns="${NS.xcapError}">${inner}</xcap-error>\n`;
}

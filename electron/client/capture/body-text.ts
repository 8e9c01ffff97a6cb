/** How a body is shown as text: UTF-8 when it is clean text, base64 otherwise. */
export type BodyText = { readonly text: string; readonly encoding: null } | { readonly text: string; readonly encoding: 'base64' };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text when the bytes are valid UTF-8 without NUL or control characters other than tab, CR and LF. */
export function bodyText(bytes: Uint8Array): BodyText {
  try {
    const text = decoder.decode(bytes);
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { text, encoding: null };
  } catch {
    // not UTF-8
  }
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), encoding: 'base64' };
}

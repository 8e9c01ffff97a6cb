/** Escaping and reference resolution for XML text and attribute values. */

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes a value for an attribute delimited by `quote`. */
export function escapeAttributeValue(value: string, quote: '"' | "'" = '"'): string {
  return value.replace(quote === '"' ? /[&<"]/g : /[&<']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : '&apos;'));
}

/**
 * Resolves character and predefined entity references. Returns null when a reference is malformed
 * or names an entity other than the five predefined ones (XCAP documents carry no DTD entities).
 */
export function resolveReferences(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let out = '';
  let last = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp);
    if (semi === -1) return null;
    const name = raw.slice(amp + 1, semi);
    let replacement: string | undefined;
    if (name.startsWith('#x')) replacement = codePointText(/^[0-9a-fA-F]+$/.test(name.slice(2)) ? parseInt(name.slice(2), 16) : NaN);
    else if (name.startsWith('#')) replacement = codePointText(/^[0-9]+$/.test(name.slice(1)) ? parseInt(name.slice(1), 10) : NaN);
    else replacement = PREDEFINED[name];
    if (replacement === undefined) return null;
    out += raw.slice(last, amp) + replacement;
    last = semi + 1;
  }
  return out + raw.slice(last);
}

function codePointText(code: number): string | undefined {
  const allowed =
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : undefined;
}

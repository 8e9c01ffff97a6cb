/** Escaping for XML text and attribute values (references are resolved in references.ts). */

export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes a value for an attribute delimited by `quote`. */
export function escapeAttributeValue(value: string, quote: '"' | "'" = '"'): string {
  return value.replace(quote === '"' ? /[&<"]/g : /[&<']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : '&apos;'));
}

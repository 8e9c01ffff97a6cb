/**
 * XPath 1.0 string literals. XPath 1.0 has no escape sequences inside literals, so a value holding
 * both quote kinds has to be assembled with concat().
 */
export function xpathLiteral(value: string, preferredQuote: '"' | "'" = '"'): string {
  const otherQuote = preferredQuote === '"' ? "'" : '"';
  if (!value.includes(preferredQuote)) return `${preferredQuote}${value}${preferredQuote}`;
  if (!value.includes(otherQuote)) return `${otherQuote}${value}${otherQuote}`;
  // e.g. a"b'c → concat("a", '"', "b'c")
  return `concat(${value
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}

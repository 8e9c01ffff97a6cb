/**
 * XML 1.0 (5th ed.) names as used by Namespaces in XML: NCName (no colon) and QName
 * (prefix:local). Needed for xmlns() prefixes and for recognising node-selector steps in
 * pre-RFC 4825 URIs.
 */

const NAME_START =
  'A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}' +
  '\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const NC_NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');

export function isNCName(text: string): boolean {
  return NC_NAME.test(text);
}

export function isQName(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0) return isNCName(text);
  return isNCName(text.slice(0, colon)) && isNCName(text.slice(colon + 1));
}

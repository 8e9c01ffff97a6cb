/**
 * XML name character classes (XML 1.0 fifth edition §2.3, Namespaces in XML 1.0 §3).
 *
 * An NCName is an XML Name without ":"; a QName is NCName [":" NCName]. The classes are spelled
 * out as code point ranges so that names in any script (not just ASCII) are recognised exactly
 * as an XML parser would recognise them.
 */

/** NameStartChar minus ":". */
const NAME_START_CHARS =
  'A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}' +
  '\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}' +
  '\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';

/** NameChar minus ":" = NameStartChar plus these. */
const NAME_CHARS = `${NAME_START_CHARS}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const NCNAME_PATTERN = `[${NAME_START_CHARS}][${NAME_CHARS}]*`;

// Sticky ('y') so matching starts exactly at lastIndex; a single greedy class cannot backtrack
// catastrophically, so matching is linear in the length of the name.
// The lint rule objects to combining marks (U+0300–U+036F) in a class; XML makes each of them a
// NameChar on its own, and with the 'u' flag each is matched as one code point, which is intended.
// eslint-disable-next-line no-misleading-character-class
const NCNAME_AT = new RegExp(NCNAME_PATTERN, 'uy');
// eslint-disable-next-line no-misleading-character-class
const NAME_CHARS_AT = new RegExp(`[${NAME_CHARS}]*`, 'uy');
// eslint-disable-next-line no-misleading-character-class
const WHOLE_NCNAME = new RegExp(`^${NCNAME_PATTERN}$`, 'u');

/**
 * Returns the offset just after the NCName starting at `offset`, or -1 if none starts there.
 * ASCII is scanned by hand (most names are ASCII, and this runs for every step); the regexes
 * take over at the first non-ASCII character.
 */
export function matchNCNameAt(text: string, offset: number): number {
  const first = text.charCodeAt(offset);
  if (first >= 0x80) return matchWith(NCNAME_AT, text, offset);
  if (!isAsciiNameStart(first)) return -1;
  let end = offset + 1;
  while (isAsciiNameStart(text.charCodeAt(end)) || isAsciiNameOnly(text.charCodeAt(end))) end++;
  return text.charCodeAt(end) >= 0x80 ? matchWith(NAME_CHARS_AT, text, end) : end;
}

export function isNCName(value: string): boolean {
  // ASCII by hand (the common case, and called per path segment when URIs are checked).
  if (value.length === 0 || !isAsciiNameStart(value.charCodeAt(0))) return value.length > 0 && value.charCodeAt(0) >= 0x80 && WHOLE_NCNAME.test(value);
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80) return WHOLE_NCNAME.test(value);
    if (!isAsciiNameStart(code) && !isAsciiNameOnly(code)) return false;
  }
  return true;
}

function matchWith(sticky: RegExp, text: string, offset: number): number {
  sticky.lastIndex = offset;
  return sticky.exec(text) === null ? -1 : sticky.lastIndex;
}

/** A-Z, "_", a-z. (NaN past the end of the text fails every comparison.) */
function isAsciiNameStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || code === 0x5f || (code >= 0x61 && code <= 0x7a);
}

/** "-", ".", 0-9: name characters that cannot start a name. */
function isAsciiNameOnly(code: number): boolean {
  return code === 0x2d || code === 0x2e || (code >= 0x30 && code <= 0x39);
}

/** QName = NCName [":" NCName] (Namespaces in XML 1.0 §4). */
export function isQName(value: string): boolean {
  const colon = value.indexOf(':');
  return colon === -1 ? isNCName(value) : isNCName(value.slice(0, colon)) && isNCName(value.slice(colon + 1));
}

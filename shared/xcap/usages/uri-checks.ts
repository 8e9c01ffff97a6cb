/** Small syntactic checks on URI-valued content used by data constraints. */

export function isAbsoluteHttpUri(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value);
}

export function isSipOrTelUri(value: string): boolean {
  return /^(?:sips?:[^\s@]+@[^\s@]+|sips?:[^\s@:]+|tel:\+?[0-9A-Fa-f*#.()\-;=]+\S*)$/i.test(value);
}

/** RFC 3986 relative-path reference: no scheme, not network-path, not absolute-path. */
export function isRelativePathReference(value: string): boolean {
  return value.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('/') && !/\s/.test(value);
}

/**
 * The start of every XCAP URI: `scheme "://" authority` (RFC 3986 §3.1-3.2), with the scheme
 * http or https (RFC 4825 §6.1) and a non-empty host.
 */
import { XcapCoreError } from '../errors';
import { isAlpha, isDigit, isHexDigit, isRegNameChar } from './char-classes';
import { findForbiddenCharacter, forbiddenCharacterError } from './forbidden-characters';
import { shown } from './shown';

export interface UriHead {
  /** The scheme as written ("http", "HTTPS", ...). */
  readonly scheme: string;
  readonly authority: string;
  /** Index in the text where the path (or query, or the end) begins. */
  readonly pathStart: number;
}

function invalid(message: string, index: number): XcapCoreError {
  return new XcapCoreError('invalid-uri', `${message} (column ${index + 1}).`, { column: index + 1 });
}

const REQUEST_LINE = /^(?:GET|PUT|DELETE|POST|HEAD|PATCH|OPTIONS)\s/i;

/**
 * Parses and checks scheme and authority at the start of text[start, end); throws
 * XcapCoreError('invalid-uri') saying what is wrong and at which column.
 */
export function parseUriHead(text: string, start = 0, end = text.length): UriHead {
  let index = start;
  while (index < end && (isAlpha(text.charCodeAt(index)) || (index > start && /[0-9+.-]/.test(text.charAt(index))))) index++;
  if (index === start || index >= end || text.charAt(index) !== ':') {
    if (index < end && findForbiddenCharacter(text, index, index + 1) === index) throw forbiddenCharacterError(text, index);
    if (REQUEST_LINE.test(text.slice(start, start + 8))) {
      throw invalid('This looks like an HTTP request line: pass only the URI, without the method (parseXcapUriLenient strips it)', start);
    }
    throw invalid('An XCAP URI must start with "http://" or "https://"', start);
  }
  const scheme = text.slice(start, index);
  if (!/^https?$/i.test(scheme)) throw invalid(`The scheme "${shown(scheme)}" is not http or https (RFC 4825 §6.1)`, start);
  if (index + 3 > end || !text.startsWith('//', index + 1)) throw invalid(`Expected "//" and a host after "${shown(scheme)}:"`, index + 1);

  const authorityStart = index + 3;
  let authorityEnd = authorityStart;
  for (; authorityEnd < end; authorityEnd++) {
    const code = text.charCodeAt(authorityEnd);
    if (code === 0x2f || code === 0x3f || code === 0x23) break; // "/", "?", "#"
  }
  checkAuthority(text, authorityStart, authorityEnd);
  return { scheme, authority: text.slice(authorityStart, authorityEnd), pathStart: authorityEnd };
}

function checkAuthority(text: string, start: number, end: number): void {
  if (start === end) throw invalid('The authority (host) is empty', start);
  if (text.lastIndexOf('@', end - 1) >= start) {
    // RFC 9110 §4.2.4: senders must not put userinfo in http(s) URIs; credentials go elsewhere.
    throw invalid('User information ("user:password@") is not allowed in an http(s) URI; configure credentials separately', start);
  }
  let hostEnd: number;
  if (text.charAt(start) === '[') {
    const close = text.indexOf(']', start);
    if (close < 0 || close >= end) throw invalid('The IP literal "[" of the host is not closed by "]"', start);
    checkIpLiteral(text, start + 1, close);
    hostEnd = close + 1;
    if (hostEnd < end && text.charAt(hostEnd) !== ':') throw invalid('Expected ":" and a port after the IP literal', hostEnd);
  } else {
    const colon = text.indexOf(':', start);
    hostEnd = colon >= 0 && colon < end ? colon : end;
    if (hostEnd === start) throw invalid('The host is empty', start);
    checkRegName(text, start, hostEnd);
  }
  if (hostEnd < end) checkPort(text, hostEnd + 1, end);
}

function checkIpLiteral(text: string, start: number, end: number): void {
  const literal = text.slice(start, end);
  const ipv6 = /^[0-9A-Fa-f:.]+$/.test(literal) && literal.includes(':');
  const ipvFuture = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/.test(literal);
  if (!ipv6 && !ipvFuture) throw invalid(`"[${shown(literal)}]" is not an IPv6 address literal`, start - 1);
}

function checkRegName(text: string, start: number, end: number): void {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isRegNameChar(code)) continue;
    if (code === 0x25 && isHexDigit(text.charCodeAt(index + 1)) && isHexDigit(text.charCodeAt(index + 2)) && index + 2 < end) {
      index += 2;
      continue;
    }
    if (findForbiddenCharacter(text, index, index + 2) === index) throw forbiddenCharacterError(text, index);
    throw invalid(`The character "${String.fromCodePoint(text.codePointAt(index) ?? 0)}" is not allowed in a host name`, index);
  }
}

function checkPort(text: string, start: number, end: number): void {
  if (start === end) throw invalid('The port after ":" is empty', start);
  for (let index = start; index < end; index++) {
    if (isDigit(text.charCodeAt(index))) continue;
    if (findForbiddenCharacter(text, index, index + 2) === index) throw forbiddenCharacterError(text, index);
    throw invalid(`The port must be decimal digits, found "${String.fromCodePoint(text.codePointAt(index) ?? 0)}"`, index);
  }
  if (end - start > 5 || Number(text.slice(start, end)) > 65535) throw invalid('The port is larger than 65535', start);
}

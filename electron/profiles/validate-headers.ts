/**
 * Extra request headers of a profile. Names are RFC 9110 tokens, values single-line text. Headers
 * the client sets itself (framing, conditional requests, identity) are refused with the profile
 * field to use instead; credential headers never get this far (find-secrets.ts).
 */
import { fieldPath, invalid, recordAt, stringAt } from './json-fields';

export const MAX_HEADERS = 50;
const MAX_VALUE_LENGTH = 8192;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const SET_BY_CLIENT: Readonly<Record<string, string>> = {
  host: 'the client sends the host of xcapRoot',
  'content-length': 'the client frames each request itself',
  'transfer-encoding': 'the client frames each request itself',
  connection: 'the client manages connections',
  'keep-alive': 'the client manages connections',
  upgrade: 'the client manages connections',
  te: 'the client manages connections',
  trailer: 'the client frames each request itself',
  expect: 'the client frames each request itself',
  'content-type': 'each request sets the content type of its body',
  'if-match': 'conditional requests are set per request (the ETag options)',
  'if-none-match': 'conditional requests are set per request (the ETag options)',
  'user-agent': 'use the userAgent field',
  'x-3gpp-intended-identity': 'use the intendedIdentity field',
};

export function readHeaders(value: unknown, path: string): Readonly<Record<string, string>> {
  const record = recordAt(value, path);
  const names = Object.keys(record);
  if (names.length > MAX_HEADERS) invalid(path, `must have at most ${MAX_HEADERS} headers, not ${names.length}`);
  const seen = new Set<string>();
  const headers: Record<string, string> = {};
  for (const name of names) {
    const at = fieldPath(path, name);
    if (!TOKEN.test(name)) invalid(at, 'is not a valid header name (letters, digits and !#$%&\'*+.^_`|~- only)');
    const lower = name.toLowerCase();
    const reason = SET_BY_CLIENT[lower];
    if (reason !== undefined) invalid(at, `cannot be set in a profile: ${reason}`);
    if (seen.has(lower)) invalid(at, 'is given twice (header names are case-insensitive)');
    seen.add(lower);
    headers[name] = stringAt(record[name], at, { maxLength: MAX_VALUE_LENGTH, allowEmpty: true });
  }
  return Object.freeze(headers);
}

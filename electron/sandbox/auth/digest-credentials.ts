/**
 * Reads a Digest Authorization value (RFC 7616 §3.4) into checked, typed fields. Says
 * 'malformed' for broken syntax or missing/invalid required parameters, 'unsupported' for
 * well-formed requests this server does not do: another scheme, no qop (RFC 2069 style),
 * qop=auth-int, the -sess algorithms and anything other than MD5 and SHA-256.
 */
import { DIGEST_HEX_LENGTH, type DigestAlgorithm } from './digest-response';
import { parseAuthParams, splitCredentials } from './http-credentials';

export interface DigestCredentials {
  /** The username, or with `userhash` its hash H(username ":" realm) in lowercase hex. */
  username: string;
  userhash: boolean;
  realm: string;
  nonce: string;
  uri: string;
  /** Lowercase hex, of the algorithm's length. */
  response: string;
  /** MD5 when the client sent no algorithm (RFC 7616 §3.3). */
  algorithm: DigestAlgorithm;
  cnonce: string;
  /** As sent (it is hashed as text) and as a number (it is compared as one). */
  ncText: string;
  nc: number;
  qop: 'auth';
  opaque: string | undefined;
}

export type DigestCredentialsProblem = 'malformed' | 'unsupported';

// A Map, not an object literal: "constructor" or "__proto__" must not look like algorithms.
const ALGORITHMS: ReadonlyMap<string, DigestAlgorithm> = new Map([
  ['md5', 'MD5'],
  ['sha-256', 'SHA-256'],
]);

export function readDigestCredentials(authorization: string): DigestCredentials | DigestCredentialsProblem {
  const split = splitCredentials(authorization);
  if (split === null) return 'malformed';
  if (split.scheme.toLowerCase() !== 'digest') return 'unsupported';
  const params = parseAuthParams(split.rest);
  if (params === null) return 'malformed';

  // What every Digest request has, even RFC 2069 ones: without it the header is broken.
  const userhash = readBoolean(params.get('userhash'));
  const username = readUsername(params.get('username'), params.get('username*'), userhash);
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  const uri = params.get('uri');
  const response = params.get('response')?.toLowerCase();
  if (username === null || userhash === null || realm === undefined || nonce === undefined || uri === undefined || response === undefined) return 'malformed';

  // Well-formed, but not what this server does.
  const algorithmText = params.get('algorithm');
  const algorithm = algorithmText === undefined ? 'MD5' : ALGORITHMS.get(algorithmText.toLowerCase());
  if (algorithm === undefined) return 'unsupported';
  const qop = params.get('qop');
  if (qop === undefined || qop.toLowerCase() !== 'auth') return 'unsupported';

  // What qop=auth adds, and the shapes the computation depends on.
  const cnonce = params.get('cnonce');
  const ncText = params.get('nc');
  if (!/^[0-9a-f]+$/.test(response) || response.length !== DIGEST_HEX_LENGTH[algorithm]) return 'malformed';
  if (cnonce === undefined || cnonce === '' || ncText === undefined || !/^[0-9A-Fa-f]{8}$/.test(ncText)) return 'malformed';
  // The hash covers qop as sent; only its lowercase spelling can match what the server hashes.
  if (qop !== 'auth') return 'malformed';
  return {
    username,
    userhash,
    realm,
    nonce,
    uri,
    response,
    algorithm,
    cnonce,
    ncText,
    nc: Number.parseInt(ncText, 16),
    qop,
    opaque: params.get('opaque'),
  };
}

function readBoolean(value: string | undefined): boolean | null {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

/**
 * `username`, or `username*` (RFC 7616 §3.4.4: an RFC 8187 ext-value, for names a
 * quoted-string cannot carry). Exactly one of them; `username*` never with userhash.
 */
function readUsername(plain: string | undefined, extended: string | undefined, userhash: boolean | null): string | null {
  if (plain !== undefined) return extended === undefined ? utf8FromHeader(plain) : null;
  if (extended === undefined || userhash === true) return null;
  const match = /^UTF-8'[^']*'(.+)$/i.exec(extended);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Node hands header values over as Latin-1 (one character per byte), while a client that saw
 * charset=UTF-8 sends the username in UTF-8 (RFC 7616 §4): re-read such bytes as UTF-8. Text
 * that is not valid UTF-8 that way stays as it is.
 */
function utf8FromHeader(text: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no work
  if (/^[\u0000-\u007f]*$/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  try {
    return UTF8.decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

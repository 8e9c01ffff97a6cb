/**
 * A tiny HTTP Digest client for the tests, written independently of the code under test: its
 * own challenge parsing and its own hashing with node:crypto.
 */
import { createHash, randomBytes } from 'node:crypto';

export type ChallengeParams = Record<string, string>;

/** The parameters of one WWW-Authenticate Digest value (simple: no escapes in the values). */
export function parseChallenge(value: string): ChallengeParams {
  if (!value.startsWith('Digest ')) throw new Error(`not a Digest challenge: ${value}`);
  const params: ChallengeParams = {};
  for (const match of value.slice(7).matchAll(/([A-Za-z-]+)=(?:"([^"]*)"|([^\s,]+))/g)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return params;
}

export interface ClientRequest {
  username: string;
  password: string;
  method: string;
  uri: string;
  nc?: number;
  cnonce?: string;
  userhash?: boolean;
}

/** The Authorization value answering `challenge`. */
export function digestAuthorization(challenge: ChallengeParams, request: ClientRequest): string {
  const algorithm = challenge.algorithm ?? 'MD5';
  const hash = (text: string): string => createHash(algorithm === 'SHA-256' ? 'sha256' : 'md5').update(text, 'utf8').digest('hex');
  const realm = challenge.realm ?? '';
  const nonce = challenge.nonce ?? '';
  const nc = (request.nc ?? 1).toString(16).padStart(8, '0');
  const cnonce = request.cnonce ?? randomBytes(12).toString('base64url');
  const ha1 = hash(`${request.username}:${realm}:${request.password}`);
  const ha2 = hash(`${request.method}:${request.uri}`);
  const response = hash(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const username = request.userhash ? hash(`${request.username}:${realm}`) : request.username;
  return (
    `Digest username="${username}", realm="${realm}", uri="${request.uri}", algorithm=${algorithm}, nonce="${nonce}", ` +
    `nc=${nc}, cnonce="${cnonce}", qop=auth, response="${response}", opaque="${challenge.opaque ?? ''}"` +
    (request.userhash ? ', userhash=true' : '')
  );
}

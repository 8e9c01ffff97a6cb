/**
 * The AKA reading of an HTTP exchange, for the traffic inspector and `-v` (a pure function of the
 * recorded headers): the Digest AKAv1-MD5 challenge's RAND and AUTN (split into SQN⊕AK, AMF, MAC)
 * and what the client answered with. Everything shown is public on the wire: RAND and AUTN are in
 * the nonce, SQN stays concealed by AK. RES never is on the wire; the `response` and `auts`
 * parameters are redacted by the capture layer and only said to be there.
 */
import type { AkaFields, AkaView } from '../../shared/traffic/aka';
import { decodeAkaNonce, splitAutn, type AkaNonce } from './aka-nonce';

/** One header line as recorded: name and value. */
export type AkaHeaderPair = readonly [name: string, value: string];

export type { AkaFields, AkaView } from '../../shared/traffic/aka';

/** The AKA view of an exchange, or null when neither side speaks Digest AKA. Never throws. */
export function decodeAkaView(request: { readonly headers: readonly AkaHeaderPair[] }, response: { readonly headers: readonly AkaHeaderPair[] } | null): AkaView | null {
  const challenge = (response?.headers ?? []).filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, value]) => akaParams(value)).find((params) => params !== null) ?? null;
  const authorization = request.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const answerParams = authorization === undefined ? null : akaParams(authorization);
  // The first Ub request names the IMPI with an empty nonce and no algorithm yet.
  const identity = authorization !== undefined && answerParams === null && /^\s*digest\s/i.test(authorization) && /nonce=""/.test(authorization) ? params(authorization.replace(/^\s*\S+\s*/, '')) : null;
  if (challenge === null && answerParams === null && identity === null) return null;
  let answer: AkaView['answer'] = null;
  if (answerParams !== null) answer = { kind: answerParams.has('auts') ? 'auts' : 'res', username: answerParams.get('username') ?? null, fields: fieldsOf(answerParams) };
  else if (identity !== null) answer = { kind: 'identity', username: identity.get('username') ?? null, fields: null };
  return { challenge: challenge === null ? null : fieldsOf(challenge), answer };
}

/** A one-line summary, e.g. for `-v`: `RAND 2355…; AUTN 55f3… = SQN⊕AK 55f328b43577 ‖ AMF b9b9 ‖ MAC 4a9f…`. */
export function formatAkaFields(fields: AkaFields): string {
  return `RAND ${fields.rand}; AUTN ${fields.autn} = SQN⊕AK ${fields.sqnXorAk} ‖ AMF ${fields.amf} ‖ MAC ${fields.mac}`;
}

function fieldsOf(params: ReadonlyMap<string, string>): AkaFields | null {
  const nonce: AkaNonce | null = decodeAkaNonce(params.get('nonce') ?? '');
  if (nonce === null) return null;
  const autn = splitAutn(nonce.autn);
  return {
    realm: params.get('realm') ?? null,
    rand: nonce.rand.toString('hex'),
    autn: nonce.autn.toString('hex'),
    sqnXorAk: autn.sqnXorAk.toString('hex'),
    amf: autn.amf.toString('hex'),
    mac: autn.mac.toString('hex'),
    serverData: nonce.serverData.toString('hex'),
  };
}

/** The parameters of a Digest value with algorithm=AKAv1-MD5 (any case), else null. */
function akaParams(value: string): Map<string, string> | null {
  const match = /^\s*(\S+)\s+([\s\S]*)$/.exec(value);
  if (match?.[1]?.toLowerCase() !== 'digest') return null;
  const found = params(match[2] ?? '');
  return /^akav\d+-md5$/i.test(found.get('algorithm') ?? '') ? found : null;
}

/** Lenient `name=value, name="value"` reading (recorded headers may be redacted: `response=<redacted>`). */
function params(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    found.set((match[1] ?? '').toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? ''));
  }
  return found;
}

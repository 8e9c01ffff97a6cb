/**
 * Bootstrapping over Ub (TS 24.109 §4.5, TS 33.220 §4.5.2): HTTP Digest AKAv1-MD5 (RFC 3310) with
 * the BSF.
 *
 *   GET <bsf>  Authorization: Digest username="<IMPI>", realm="<IMPI realm>", nonce="", uri="…", response=""
 *   401        WWW-Authenticate: Digest realm=…, nonce=base64(RAND ‖ AUTN ‖ server data), algorithm=AKAv1-MD5, qop="auth-int"
 *   GET <bsf>  Authorization: Digest …, response=<RES as password>     (or auts=… with an empty password)
 *   200        <BootstrappingInfo><btid>…</btid><lifetime>…</lifetime></BootstrappingInfo>
 *
 * The requests go through the caller's dispatcher (the profile's transport with the traffic
 * recorder), so the inspector shows them next to the Ua exchanges. A synchronisation failure is
 * answered with AUTS once per bootstrap; a wrong MAC stops everything (GbaError 'autn-mac-mismatch').
 */
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { quoteString } from '../client/auth/http-syntax';
import { readChallenges, type Challenge } from '../client/auth/www-authenticate';
import { markRequest, type AttemptKind } from '../client/capture';
import { mapTransportError } from '../client/transport/map-error';
import { akaDigestResponse, type AkaQop } from './aka-digest';
import { decodeAkaNonce } from './aka-nonce';
import { parseBootstrappingInfo } from './bootstrap-info';
import { bsfUrlFromImpi, impiRealm } from './bsf-address';
import { GbaError } from './gba-error';
import { GbaKey } from './gba-key';
import type { SoftUsim } from './usim';

export interface UbOptions {
  /** The undici dispatcher to send through (with the traffic recorder composed in, to show Ub). */
  readonly dispatcher: Dispatcher;
  /** The IMS private identity, e.g. 234150999999999@ims.mnc015.mcc234.3gppnetwork.org. */
  readonly impi: string;
  /** The BSF; default derived from the IMPI (bsf-address.ts). */
  readonly bsfUrl?: string | URL;
  readonly usim: SoftUsim;
  /** Extra request headers (User-Agent). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cnonce?: () => string;
}

interface BsfResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

const LABEL = 'GBA bootstrapping (Ub)';
const MAX_SENDS = 3;

/** Runs bootstrapping; resolves with the key. Rejects with GbaError, or XcapClientError for transport failures. */
export async function bootstrap(options: UbOptions): Promise<GbaKey> {
  const url = options.bsfUrl === undefined ? bsfUrlFromImpi(options.impi) : toUrl(options.bsfUrl);
  const target = url.pathname + url.search;
  const realm = impiRealm(options.impi);
  const makeCnonce = options.cnonce ?? (() => randomBytes(16).toString('base64url'));
  const where = `the BSF at ${url.origin}`;
  // TS 24.109 §4.5.2: the first request names the IMPI in an Authorization with an empty nonce and response.
  let authorization = `Digest username=${quoteString(options.impi, 'The IMPI')}, realm=${quoteString(realm, 'The IMPI realm')}, nonce="", uri=${quoteString(target, 'The BSF path')}, response=""`;
  let attempt: AttemptKind = 'initial';
  let resynchronised = false;
  let answered: 'res' | 'auts' | null = null;
  // CK and IK of the answered challenge, until the 200 turns them into a key.
  let keys: { rand: Buffer; ck: Buffer; ik: Buffer } | null = null;
  for (let send = 1; send <= MAX_SENDS; send++) {
    const response = await sendUb(options, url, target, authorization, attempt);
    if (response.status === 200 && answered === 'res') return keyFrom(response, options.impi, keys);
    if (response.status !== 401) throw unexpected(response, where, options.impi, answered);
    if (answered === 'res') throw new GbaError('bootstrap-failed', `${where} refused the AKA response of ${options.impi}: the BSF and this USIM disagree on RES (check K and OPc/OP).`);
    if (answered === 'auts' && resynchronised) throw new GbaError('bootstrap-failed', `${where} still sends an SQN this USIM cannot accept after re-synchronisation.`);
    const challenge = akaChallenge(response, where);
    const nonce = decodeAkaNonce(challenge.params.nonce ?? '');
    if (nonce === null) throw new GbaError('bootstrap-failed', `${where} sent an AKA nonce that is not base64(RAND ‖ AUTN ‖ …) of at least 32 octets.`);
    const result = options.usim.authenticate(nonce.rand, nonce.autn); // throws on a MAC mismatch
    const qop = chooseQop(challenge.params.qop);
    const input = {
      username: options.impi,
      realm: challenge.params.realm ?? realm,
      nonce: challenge.params.nonce ?? '',
      method: 'GET',
      uri: target,
      qop,
      nc: qop === null ? null : '00000001',
      cnonce: qop === null ? null : makeCnonce(),
      body: null,
    };
    if (result.kind === 'sync-failure') {
      resynchronised = answered === 'auts';
      answered = 'auts';
      // RFC 3310 §3.4: AUTS in `auts`, the response computed with an empty password.
      authorization = formatAuthorization(input, akaDigestResponse({ ...input, password: new Uint8Array(0) }), challenge.params.opaque, result.auts.toString('base64'));
    } else {
      answered = 'res';
      keys = { rand: nonce.rand, ck: result.ck, ik: result.ik };
      authorization = formatAuthorization(input, akaDigestResponse({ ...input, password: result.res }), challenge.params.opaque, null);
    }
    attempt = 'auth-retry';
  }
  throw new GbaError('bootstrap-failed', `${where} kept answering 401 to ${options.impi}.`);
}

function keyFrom(response: BsfResponse, impi: string, keys: { rand: Buffer; ck: Buffer; ik: Buffer } | null): GbaKey {
  if (keys === null) throw new GbaError('bootstrap-failed', 'the BSF answered 200 before any AKA challenge was answered.');
  const info = parseBootstrappingInfo(response.body);
  return new GbaKey({ impi, btid: info.btid, rand: keys.rand, ck: keys.ck, ik: keys.ik, expiresAt: info.expiresAt });
}

async function sendUb(options: UbOptions, url: URL, target: string, authorization: string, attempt: AttemptKind): Promise<BsfResponse> {
  try {
    const request = markRequest(
      { origin: url.origin, path: target, method: 'GET' as const, headers: { 'User-Agent': 'xcap-console 3gpp-gba', ...options.headers, Authorization: authorization } },
      { attempt, label: LABEL },
    );
    const response = await options.dispatcher.request(request);
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, headers: response.headers, body };
  } catch (error) {
    throw await mapTransportError(error, url);
  }
}

/** The AKAv1-MD5 Digest challenge of a 401 (RFC 3310 §3.1). */
function akaChallenge(response: BsfResponse, where: string): Challenge {
  const raw = response.headers['www-authenticate'];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const { challenges } = readChallenges(values);
  const aka = challenges.find((c) => c.scheme === 'digest' && /^akav1-md5$/i.test(c.params.algorithm ?? ''));
  if (aka === undefined) throw new GbaError('bootstrap-failed', `${where} answered 401 without a Digest AKAv1-MD5 challenge (RFC 3310): is it a BSF?`);
  return aka;
}

/** TS 24.109 §4.5.2: the BSF asks for auth-int; auth and no qop (RFC 2069) are taken too. */
function chooseQop(offered: string | undefined): AkaQop | null {
  if (offered === undefined) return null;
  const options = offered.split(',').map((option) => option.trim().toLowerCase());
  return options.includes('auth-int') ? 'auth-int' : options.includes('auth') ? 'auth' : null;
}

function formatAuthorization(
  input: { username: string; realm: string; nonce: string; uri: string; qop: AkaQop | null; nc: string | null; cnonce: string | null },
  response: string,
  opaque: string | undefined,
  auts: string | null,
): string {
  const parts = [`username=${quoteString(input.username, 'The IMPI')}`, `realm=${quoteString(input.realm, 'The realm')}`, `uri=${quoteString(input.uri, 'The BSF path')}`, 'algorithm=AKAv1-MD5', `nonce=${quoteString(input.nonce, 'The nonce')}`];
  if (input.qop !== null) parts.push(`nc=${input.nc ?? ''}`, `cnonce=${quoteString(input.cnonce ?? '', 'The cnonce')}`, `qop=${input.qop}`);
  parts.push(`response="${response}"`);
  if (opaque !== undefined) parts.push(`opaque=${quoteString(opaque, 'The opaque value')}`);
  if (auts !== null) parts.push(`auts="${auts}"`);
  return `Digest ${parts.join(', ')}`;
}

function unexpected(response: BsfResponse, where: string, impi: string, answered: 'res' | 'auts' | null): GbaError {
  const text = response.body.toString('utf8').trim().slice(0, 200);
  const said = text === '' ? '' : ` (it said: ${JSON.stringify(text)})`;
  if (response.status === 403 || response.status === 404) {
    return new GbaError('bootstrap-failed', `${where} answered ${response.status} to the bootstrapping request of ${impi}${said}: it does not know this IMPI, or this is not its BSF URL.`);
  }
  const when = answered === null ? 'the bootstrapping request' : 'the AKA answer';
  return new GbaError('bootstrap-failed', `${where} answered ${response.status} to ${when} of ${impi}${said}.`);
}

function toUrl(value: string | URL): URL {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url;
  } catch {
    throw new GbaError('invalid-argument', `the BSF URL must be an http:// or https:// URL, not "${String(value)}".`);
  }
}

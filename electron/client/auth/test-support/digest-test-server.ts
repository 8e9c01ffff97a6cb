/**
 * A small Digest server for the variants the sandbox does not do (the -sess algorithms,
 * SHA-512-256, auth-int, RFC 2069, username*), checking every Authorization on its own: its own
 * header parsing and its own hashing with node:crypto, nothing shared with the client under test.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface VariantOptions {
  readonly username: string;
  readonly password: string;
  readonly realm?: string;
  /** The algorithm parameter as sent; null sends none (MD5 implied). */
  readonly algorithm: string | null;
  /** The qop parameter as sent, e.g. "auth-int"; null sends none (RFC 2069). */
  readonly qop: string | null;
  readonly userhash?: boolean;
  /** What a success carries in Authentication-Info. */
  readonly authenticationInfo?: 'rspauth' | 'wrong-rspauth' | 'nextnonce';
  /** Authenticated requests (1-based count) answered with 401 stale=true instead. */
  readonly staleOn?: readonly number[];
}

export interface Verdict {
  readonly ok: boolean;
  /** Why a request failed, or 'missing' without Authorization. */
  readonly reason: string;
  readonly params: Record<string, string>;
}

export class DigestTestServer {
  readonly verdicts: Verdict[] = [];
  url = '';
  readonly #options: VariantOptions;
  readonly #server: Server;
  readonly #lastCount = new Map<string, number>();
  #authenticated = 0;

  constructor(options: VariantOptions) {
    this.#options = options;
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { status, headers, body } = this.#answer(request, Buffer.concat(chunks));
        response.writeHead(status, headers).end(body);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  get realm(): string {
    return this.#options.realm ?? 'variants@example.org';
  }

  #answer(request: IncomingMessage, body: Buffer): { status: number; headers: Record<string, string>; body: string } {
    const authorization = request.headers.authorization;
    const params = authorization === undefined ? {} : parse(authorization);
    const reason = authorization === undefined ? 'missing' : this.#check(request, body, params);
    this.verdicts.push({ ok: reason === 'ok', reason, params });
    if (reason !== 'ok') return { status: 401, headers: { 'WWW-Authenticate': this.#challenge(false) }, body: reason };
    this.#authenticated++;
    if (this.#options.staleOn?.includes(this.#authenticated)) return { status: 401, headers: { 'WWW-Authenticate': this.#challenge(true) }, body: 'stale' };
    const answer = `ok ${this.#authenticated}`;
    return { status: 200, headers: this.#authenticationInfo(params, answer), body: answer };
  }

  #challenge(stale: boolean): string {
    const nonce = randomBytes(18).toString('base64');
    this.#lastCount.set(nonce, 0);
    const { algorithm, qop, userhash } = this.#options;
    return [
      `Digest realm="${this.realm}"`,
      ...(qop === null ? [] : [`qop="${qop}"`]),
      ...(algorithm === null ? [] : [`algorithm=${algorithm}`]),
      `nonce="${nonce}"`,
      'opaque="opaque-value"',
      ...(userhash ? ['charset=UTF-8', 'userhash=true'] : []),
      ...(stale ? ['stale=true'] : []),
    ].join(', ');
  }

  #check(request: IncomingMessage, body: Buffer, p: Record<string, string>): string {
    const { username, password, algorithm, qop } = this.#options;
    const algo = algorithm ?? 'MD5';
    if (p.realm !== this.realm) return 'realm';
    if (p.uri !== request.url) return 'uri';
    if (p.opaque !== 'opaque-value') return 'opaque';
    if ((p.algorithm ?? null) !== algorithm) return 'algorithm';
    const last = this.#lastCount.get(p.nonce ?? '');
    if (last === undefined) return 'unknown nonce';
    if (p.userhash === 'true') {
      if (p.username !== hash(algo, `${username}:${this.realm}`)) return 'userhash';
    } else if (p['username*'] !== undefined) {
      const match = /^UTF-8''(.*)$/.exec(p['username*']);
      if (p.username !== undefined || decodeURIComponent(match?.[1] ?? '') !== username) return 'username*';
    } else if (p.username !== username) return 'username';

    let chosenQop: string | null = null;
    if (qop !== null) {
      chosenQop = p.qop ?? '';
      if (!qop.split(',').map((option) => option.trim()).includes(chosenQop)) return 'qop';
      if (!/^[0-9a-f]{8}$/.test(p.nc ?? '') || !p.cnonce) return 'nc/cnonce';
      const count = Number.parseInt(p.nc ?? '', 16);
      if (count <= last) return 'nc not increasing';
      this.#lastCount.set(p.nonce ?? '', count);
    } else if (p.qop !== undefined || p.nc !== undefined || p.cnonce !== undefined) return 'rfc2069 extras';

    const expected = response(algo, { username, password, realm: this.realm, method: request.method ?? '', uri: request.url ?? '', body }, p, chosenQop);
    return p.response === expected ? 'ok' : 'response';
  }

  #authenticationInfo(p: Record<string, string>, answer: string): Record<string, string> {
    const mode = this.#options.authenticationInfo;
    if (mode === undefined) return {};
    if (mode === 'nextnonce') {
      const next = randomBytes(18).toString('base64');
      this.#lastCount.set(next, 0);
      return { 'Authentication-Info': `nextnonce="${next}"` };
    }
    const algo = this.#options.algorithm ?? 'MD5';
    const right = response(algo, { username: this.#options.username, password: this.#options.password, realm: this.realm, method: '', uri: p.uri ?? '', body: Buffer.from(answer) }, p, p.qop ?? null);
    const rspauth = mode === 'rspauth' ? right : right.replace(/^./, (char) => (char === '0' ? '1' : '0'));
    return { 'Authentication-Info': `rspauth="${rspauth}", qop=${p.qop ?? ''}, nc=${p.nc ?? ''}, cnonce="${p.cnonce ?? ''}"` };
  }
}

interface Inputs {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  body: Buffer;
}

function response(algorithm: string, inputs: Inputs, p: Record<string, string>, qop: string | null): string {
  const nonce = p.nonce ?? '';
  const cnonce = p.cnonce ?? '';
  let ha1 = hash(algorithm, `${inputs.username}:${inputs.realm}:${inputs.password}`);
  if (/-sess$/i.test(algorithm)) ha1 = hash(algorithm, `${ha1}:${nonce}:${cnonce}`);
  const a2 = qop === 'auth-int' ? `${inputs.method}:${inputs.uri}:${hash(algorithm, inputs.body)}` : `${inputs.method}:${inputs.uri}`;
  const ha2 = hash(algorithm, a2);
  return qop === null ? hash(algorithm, `${ha1}:${nonce}:${ha2}`) : hash(algorithm, `${ha1}:${nonce}:${p.nc ?? ''}:${cnonce}:${qop}:${ha2}`);
}

function hash(algorithm: string, data: string | Buffer): string {
  const name = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' }[algorithm.replace(/-sess$/i, '').toUpperCase()];
  if (name === undefined) throw new Error(`test server: no hash for ${algorithm}`);
  return createHash(name).update(data).digest('hex');
}

/** A deliberately plain Authorization parser: name=value or name="value" with \-escapes. */
function parse(authorization: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (!authorization.startsWith('Digest ')) return params;
  for (const match of authorization.slice(7).matchAll(/([A-Za-z*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] === undefined ? (match[3] ?? '') : match[2].replace(/\\(.)/g, '$1');
  }
  return params;
}

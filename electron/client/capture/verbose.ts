import { bodyText } from './body-text';
import type { CapturedBody, Exchange, HeaderPair } from './exchange';
import { decodeAkaView, formatAkaFields } from '../../gba/aka-view';
import { redactExchange, type RedactOptions } from './redact';

export interface VerboseOptions extends RedactOptions {
  /** Print text bodies (default false: only `} [N bytes data]` lines, like curl -v). */
  readonly bodies?: boolean;
}

/**
 * A curl -v style account of one exchange, redacted unless `reveal`:
 *
 *   * Connected to 127.0.0.1 port 40123 (connection #1, new)
 *   > PUT /xcap-root/… HTTP/1.1
 *   > host: 127.0.0.1:40123
 *   >
 *   } [96 bytes data]
 *   < HTTP/1.1 201 Created
 *   < ETag: "7a1b"
 *   <
 *
 * `*` lines carry what curl would say about the connection, TLS, XCAP decoding, errors and timing.
 * Control characters a server sent are shown escaped (\x1b), never passed to the terminal.
 */
export function formatExchangeVerbose(exchange: Exchange, options: VerboseOptions = {}): string {
  const shown = redactExchange(exchange, options);
  const { request, response, connection, timings } = shown;
  const lines: string[] = [];
  const info = (text: string): void => {
    lines.push(`* ${clean(text)}`);
  };
  info(`#${shown.id} ${shown.attempt}${shown.label === null ? '' : ` "${shown.label}"`} ${shown.startedAt}`);
  if (connection.remoteAddress !== undefined) {
    const from = connection.localPort === undefined ? '' : ` from ${connection.localAddress ?? ''}:${connection.localPort}`;
    info(`Connected to ${connection.remoteAddress} port ${connection.remotePort ?? '?'}${from} (connection #${connection.id ?? '?'}, ${connection.reused ? 'reused' : 'new'})`);
  }
  if (connection.tls) {
    const { tls } = connection;
    info(`TLS ${tls.protocol}, ${tls.cipher}${tls.alpnProtocol ? `, ALPN ${tls.alpnProtocol}` : ''}`);
    const cert = tls.peerCertificate;
    if (cert) info(`Server certificate: subject ${cert.subject}; issuer ${cert.issuer}; valid ${cert.validFrom} – ${cert.validTo}; SHA-256 ${cert.fingerprint256}${cert.subjectAltNames.length ? `; ${cert.subjectAltNames.join(', ')}` : ''}`);
  }
  if (!request.sent) info('Request not sent; headers as dispatched:');
  if (request.sent && request.httpVersion !== 'HTTP/2') lines.push(`> ${clean(`${request.method} ${request.target} ${request.httpVersion}`)}`);
  pushHeaders(lines, '>', request.headers);
  lines.push('>');
  pushBody(lines, '}', request.body, options.bodies ?? false);
  if (response) {
    lines.push(`< ${clean(`${response.httpVersion} ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)}`);
    pushHeaders(lines, '<', response.headers);
    lines.push('<');
    pushBody(lines, '{', response.body, options.bodies ?? false);
    if (response.trailers.length > 0) pushHeaders(lines, '<', response.trailers);
  }
  const { xcap } = shown;
  if (xcap) {
    const where = [xcap.auid, xcap.scope === 'users' ? `users/${xcap.xui ?? ''}` : (xcap.scope ?? ''), xcap.documentPath].filter((part) => part !== '').join(' / ');
    info(`XCAP ${where}${xcap.nodeSelector === null ? '' : ` ~~ ${xcap.nodeSelector}`} (${xcap.resource ?? 'invalid selector'})${xcap.xcapError ? `; xcap-error: ${xcap.xcapError}` : ''}`);
  }
  // GBA bootstrapping (Ub): the AKA fields of the challenge, and which answer went (never its value).
  const aka = decodeAkaView(request, response);
  if (aka?.challenge) info(`AKA challenge: ${formatAkaFields(aka.challenge)}`);
  if (aka?.answer) info(`AKA ${aka.answer.kind === 'identity' ? `bootstrapping request for ${aka.answer.username ?? '?'}` : aka.answer.kind === 'auts' ? 'answer: AUTS (synchronisation failure; redacted)' : 'answer: RES (redacted)'}`);
  if (shown.error) info(`Error ${shown.error.code}: ${shown.error.message}`);
  const phases = [
    ['queued', timings.queuedMs],
    ['connect', timings.connectMs],
    ['TLS', timings.tlsMs],
    ['send', timings.sendMs],
    ['wait', timings.waitMs],
    ['receive', timings.receiveMs],
  ] as const;
  info(`Timings: ${phases.flatMap(([name, ms]) => (ms === undefined ? [] : [`${name} ${ms.toFixed(1)} ms`])).join(', ')}${phases.some(([, ms]) => ms !== undefined) ? ', ' : ''}total ${timings.totalMs.toFixed(1)} ms`);
  return `${lines.join('\n')}\n`;
}

function pushHeaders(lines: string[], prefix: string, headers: readonly HeaderPair[]): void {
  for (const [name, value] of headers) lines.push(`${prefix} ${clean(`${name}: ${value}`)}`);
}

function pushBody(lines: string[], prefix: string, body: CapturedBody | null, show: boolean): void {
  if (body === null) return;
  const text = bodyText(body.bytes);
  const note = body.truncated ? `, ${body.bytes.byteLength} kept` : '';
  if (!show || text.encoding !== null) {
    lines.push(`${prefix} [${body.size} bytes${text.encoding === null ? '' : ' binary'} data${note}]`);
    return;
  }
  const shown = clean(text.text.replaceAll('\r\n', '\n'), true);
  lines.push(...(shown.endsWith('\n') ? shown.slice(0, -1) : shown).split('\n'));
  if (body.truncated) lines.push(`${prefix} [truncated: ${body.size} bytes${note}]`);
}

/** Control characters (and, outside bodies, line breaks) escaped as \xHH. */
function clean(text: string, keepNewlines = false): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return text.replace(keepNewlines ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

import { buildConnector } from 'undici';

/** performance.now() marks of one connection made by `timedConnector`. */
export interface ConnectMarks {
  readonly start: number;
  /** TCP established. */
  tcp?: number;
  /** TLS handshake done (TLS sockets only). */
  secure?: number;
}

const marks = new WeakMap<object, ConnectMarks>();

/**
 * undici's own connector (same options as `new Agent({ connect })`), measuring TCP and TLS
 * separately so exchanges get `tlsMs` and HAR gets `ssl`. Optional: without it the recorder still
 * measures connect time (DNS + TCP + TLS together) from undici's diagnostics channels.
 *
 *   new Agent({ connect: timedConnector({ ...connectTlsOptions(tls), timeout }) })
 *
 * Note that undici ignores `allowH2` on the Agent when `connect` is a function: pass it here.
 */
export function timedConnector(options: buildConnector.BuildOptions = {}): buildConnector.connector {
  const connect = buildConnector(options) as unknown as (opts: buildConnector.Options, callback: buildConnector.Callback) => unknown;
  // Returns the socket like undici's own connector does (the type says void; wrappers may use it).
  return (opts: buildConnector.Options, callback: buildConnector.Callback): unknown => {
    const start = performance.now();
    const socket = connect(opts, callback);
    try {
      if (typeof socket === 'object' && socket !== null && 'prependOnceListener' in socket) {
        const mark: ConnectMarks = { start };
        marks.set(socket, mark);
        // Prepended: undici's own once('secureConnect'/'connect') reports the connection, which
        // publishes `undici:client:connected`; the marks must be set before that.
        const emitter = socket as NodeJS.EventEmitter;
        emitter.prependOnceListener('connect', () => {
          mark.tcp = performance.now();
        });
        emitter.prependOnceListener('secureConnect', () => {
          mark.secure = performance.now();
        });
      }
    } catch {
      // Measuring is best effort; the connection is what matters.
    }
    return socket;
  };
}

/** The marks `timedConnector` took for a socket, if it made it. */
export function connectMarks(socket: object): ConnectMarks | undefined {
  return marks.get(socket);
}

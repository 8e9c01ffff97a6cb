import type { AttemptKind } from './exchange';

/**
 * What the client tells the recorder about a request it dispatches. Carried on the dispatch options
 * under a private symbol: undici ignores it, nothing of it goes on the wire, and interceptors that
 * copy options with spread keep it.
 */
export interface CaptureMark {
  /** Default 'initial'. */
  readonly attempt?: AttemptKind;
  /** Free text shown with the exchange, e.g. "Save buddy list". */
  readonly label?: string;
}

const CAPTURE_MARK = Symbol('xcap-console.capture-mark');

const ATTEMPTS: ReadonlySet<string> = new Set<AttemptKind>(['initial', 'auth-retry', 'stale-retry', 'conflict-refresh', 'other']);

/**
 * Returns a copy of undici dispatch/request options carrying `mark`:
 *
 *   dispatcher.request(markRequest({ origin, path, method, headers, body }, { attempt: 'auth-retry' }))
 */
export function markRequest<T extends object>(options: T, mark: CaptureMark): T {
  return { ...options, [CAPTURE_MARK]: mark };
}

/** The mark on dispatch options, normalised; anything malformed reads as an unmarked request. */
export function readMark(options: object): { attempt: AttemptKind; label: string | null } {
  const mark = (options as { [CAPTURE_MARK]?: unknown })[CAPTURE_MARK];
  if (typeof mark !== 'object' || mark === null) return { attempt: 'initial', label: null };
  const { attempt, label } = mark as { attempt?: unknown; label?: unknown };
  return {
    attempt: typeof attempt === 'string' && ATTEMPTS.has(attempt) ? (attempt as AttemptKind) : 'initial',
    label: typeof label === 'string' ? label : null,
  };
}

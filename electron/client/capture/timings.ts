import type { ExchangeTimings } from './exchange';

/** performance.now() marks of one exchange. */
export interface PhaseMarks {
  readonly start: number;
  readonly end: number;
  /** The socket's connect, when this exchange opened it. */
  readonly connectStart?: number;
  readonly connectEnd?: number;
  readonly tlsMs?: number;
  readonly reused: boolean;
  readonly headersSent?: number;
  readonly requestSent?: number;
  readonly firstByte?: number;
}

/**
 * Durations that add up: queued + connect + send + wait + receive = total. A request that never
 * reached a socket spent all its time queued (waiting for a connection that failed).
 */
export function computeTimings(m: PhaseMarks): ExchangeTimings {
  const totalMs = Math.max(0, m.end - m.start);
  if (m.headersSent === undefined) return { queuedMs: totalMs, totalMs };
  const headersSent = clamp(m.headersSent, m.start, m.end);
  let connectMs: number | undefined;
  if (!m.reused && m.connectStart !== undefined && m.connectEnd !== undefined && m.connectEnd >= m.start && m.connectEnd <= headersSent) {
    connectMs = m.connectEnd - Math.max(m.connectStart, m.start);
  }
  const queuedMs = headersSent - m.start - (connectMs ?? 0);
  const firstByte = m.firstByte === undefined ? undefined : clamp(m.firstByte, headersSent, m.end);
  // The server may answer before the upload ends (a 401 to a large PUT): sending stops counting then.
  const sendEnd = clamp(m.requestSent ?? firstByte ?? m.end, headersSent, firstByte ?? m.end);
  const timings: { -readonly [K in keyof ExchangeTimings]: ExchangeTimings[K] } = { queuedMs, totalMs, sendMs: sendEnd - headersSent };
  if (connectMs !== undefined) {
    timings.connectMs = connectMs;
    if (m.tlsMs !== undefined) timings.tlsMs = Math.min(m.tlsMs, connectMs);
  }
  if (firstByte === undefined) {
    timings.waitMs = m.end - sendEnd;
  } else {
    timings.waitMs = firstByte - sendEnd;
    timings.receiveMs = m.end - firstByte;
    timings.firstByteMs = firstByte - m.start;
  }
  return timings;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

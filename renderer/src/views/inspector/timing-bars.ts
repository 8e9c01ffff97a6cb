/**
 * The waterfall of one exchange: each phase as a bar placed on the exchange's total time (percent
 * offsets and widths). The TLS handshake is drawn inside the connect phase, which includes it.
 */
import type { ExchangeTimings } from '../../../../shared/traffic/exchange';

export interface TimingBar {
  readonly phase: 'queued' | 'connect' | 'tls' | 'send' | 'wait' | 'receive';
  readonly label: string;
  readonly ms: number;
  /** Percent of the total from the left. */
  readonly left: number;
  /** Percent of the total, at least a hairline so a 0.01 ms phase stays visible. */
  readonly width: number;
}

const PHASES = [
  ['queued', 'Queued', 'queuedMs'],
  ['connect', 'Connect (DNS, TCP, TLS)', 'connectMs'],
  ['send', 'Send', 'sendMs'],
  ['wait', 'Wait (server)', 'waitMs'],
  ['receive', 'Receive', 'receiveMs'],
] as const;

const MIN_WIDTH = 0.4;

export function timingBars(timings: ExchangeTimings): TimingBar[] {
  const phasesTotal = PHASES.reduce((sum, [, , key]) => sum + (timings[key] ?? 0), 0);
  const total = Math.max(timings.totalMs, phasesTotal);
  const percent = (ms: number) => (total > 0 ? (ms / total) * 100 : 0);
  const bars: TimingBar[] = [];
  let at = 0;
  for (const [phase, label, key] of PHASES) {
    const ms = timings[key];
    if (ms === undefined) continue;
    const left = Math.min(100 - MIN_WIDTH, percent(at));
    bars.push({ phase, label, ms, left, width: Math.max(MIN_WIDTH, Math.min(100 - left, percent(ms))) });
    if (phase === 'connect' && timings.tlsMs !== undefined) {
      // The handshake ends the connect phase.
      const tlsLeft = Math.min(100 - MIN_WIDTH, percent(at + ms - timings.tlsMs));
      bars.push({ phase: 'tls', label: 'TLS handshake', ms: timings.tlsMs, left: tlsLeft, width: Math.max(MIN_WIDTH, Math.min(100 - tlsLeft, percent(timings.tlsMs))) });
    }
    at += ms;
  }
  return bars;
}

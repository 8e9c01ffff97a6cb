/** Median-of-runs timing: the benchmark prints figures, it does not assert them (shared machines are noisy). */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

export function measure(runs: number, body: () => unknown, warmup = Math.min(5, runs)): Timing {
  for (let i = 0; i < warmup; i++) body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] ?? NaN, minMs: samples[0] ?? NaN, runs };
}

export function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

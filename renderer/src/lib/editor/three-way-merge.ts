/**
 * A line-based three-way merge (diff3) for the 412 conflict: "yours" and "server" were both derived
 * from "base". Changes made on one side only are taken; the same change on both sides is taken once;
 * different changes to the same (or adjacent) base lines become a conflict block:
 *
 *     <<<<<<< yours
 *     …your lines…
 *     =======
 *     …the server's lines…
 *     >>>>>>> server
 *
 * Lines keep their line terminators, so a merge without conflicts reproduces bytes exactly.
 */

export interface MergeResult {
  readonly text: string;
  readonly conflicts: number;
}

export const CONFLICT_START = '<<<<<<< yours';
export const CONFLICT_SEPARATOR = '=======';
export const CONFLICT_END = '>>>>>>> server';

/** A changed region: base lines [baseStart, baseEnd) became other lines [otherStart, otherEnd). */
export interface Hunk {
  readonly baseStart: number;
  readonly baseEnd: number;
  readonly otherStart: number;
  readonly otherEnd: number;
}

export function threeWayMerge(base: string, yours: string, server: string): MergeResult {
  if (yours === server) return { text: yours, conflicts: 0 };
  if (yours === base) return { text: server, conflicts: 0 };
  if (server === base) return { text: yours, conflicts: 0 };
  const b = splitLines(base);
  const a = splitLines(yours);
  const s = splitLines(server);
  const hunks = [...diffLines(b, a).map((h) => ({ ...h, side: 'yours' as const })), ...diffLines(b, s).map((h) => ({ ...h, side: 'server' as const }))].sort(
    (x, y) => x.baseStart - y.baseStart || x.baseEnd - y.baseEnd,
  );

  const out: string[] = [];
  let conflicts = 0;
  let baseAt = 0;
  // Offsets from base line numbers to each side's, for the changes before the current position.
  let yoursDelta = 0;
  let serverDelta = 0;
  for (let i = 0; i < hunks.length; ) {
    // A region: hunks whose base ranges overlap or touch, from either side.
    const first = hunks[i];
    if (!first) break;
    let regionStart = first.baseStart;
    let regionEnd = first.baseEnd;
    let j = i;
    const inRegion: typeof hunks = [];
    while (j < hunks.length) {
      const h = hunks[j];
      if (!h || (inRegion.length > 0 && h.baseStart > regionEnd)) break;
      inRegion.push(h);
      regionStart = Math.min(regionStart, h.baseStart);
      regionEnd = Math.max(regionEnd, h.baseEnd);
      j++;
    }
    for (let k = baseAt; k < regionStart; k++) out.push(b[k] ?? '');
    const yoursHunks = inRegion.filter((h) => h.side === 'yours');
    const serverHunks = inRegion.filter((h) => h.side === 'server');
    const sideLines = (lines: string[], delta: number, sideHunks: typeof hunks) => {
      const growth = sideHunks.reduce((sum, h) => sum + (h.otherEnd - h.otherStart) - (h.baseEnd - h.baseStart), 0);
      return { lines: lines.slice(regionStart + delta, regionEnd + delta + growth), growth };
    };
    const mine = sideLines(a, yoursDelta, yoursHunks);
    const theirs = sideLines(s, serverDelta, serverHunks);
    if (serverHunks.length === 0) out.push(...mine.lines);
    else if (yoursHunks.length === 0) out.push(...theirs.lines);
    else if (sameLines(mine.lines, theirs.lines)) out.push(...mine.lines);
    else {
      conflicts++;
      out.push(`${CONFLICT_START}\n`, ...terminated(mine.lines), `${CONFLICT_SEPARATOR}\n`, ...terminated(theirs.lines), `${CONFLICT_END}\n`);
    }
    yoursDelta += mine.growth;
    serverDelta += theirs.growth;
    baseAt = regionEnd;
    i = j;
  }
  for (let k = baseAt; k < b.length; k++) out.push(b[k] ?? '');
  return { text: out.join(''), conflicts };
}

/** Whether `text` still contains a conflict block's marker lines. */
export function hasConflictMarkers(text: string): boolean {
  return /^(<<<<<<< yours|=======|>>>>>>> server)\r?$/m.test(text);
}

/** Lines with their terminators ("a\nb" → ["a\n", "b"]). */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function terminated(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  return last !== undefined && !last.endsWith('\n') ? [...lines.slice(0, -1), `${last}\n`] : lines;
}

function sameLines(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((line, i) => line === y[i]);
}

/**
 * Myers' O(ND) difference of two line arrays, as hunks. Common prefix and suffix are trimmed first;
 * past `maxEdits` differences the rest is one hunk (a correct, if coarse, answer for huge rewrites).
 */
export function diffLines(base: readonly string[], other: readonly string[], maxEdits = 2000): Hunk[] {
  let prefix = 0;
  while (prefix < base.length && prefix < other.length && base[prefix] === other[prefix]) prefix++;
  let suffix = 0;
  while (suffix < base.length - prefix && suffix < other.length - prefix && base[base.length - 1 - suffix] === other[other.length - 1 - suffix]) suffix++;
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let value = ids.get(line);
    if (value === undefined) ids.set(line, (value = ids.size));
    return value;
  };
  const x = base.slice(prefix, base.length - suffix).map(id);
  const y = other.slice(prefix, other.length - suffix).map(id);
  const matches = myersMatches(x, y, maxEdits);
  const hunks: Hunk[] = [];
  let xi = 0;
  let yi = 0;
  for (const [mx, my] of [...matches, [x.length, y.length] as const]) {
    if (mx > xi || my > yi) hunks.push({ baseStart: prefix + xi, baseEnd: prefix + mx, otherStart: prefix + yi, otherEnd: prefix + my });
    xi = mx + 1;
    yi = my + 1;
  }
  return hunks;
}

/** Matching index pairs (in order) of a shortest edit script, or none when it needs more than maxEdits. */
function myersMatches(x: readonly number[], y: readonly number[], maxEdits: number): (readonly [number, number])[] {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  // Per step, the part of V the step reads (k in [-d-1, d+1]): memory grows with D², not D·(N+M).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let px: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) px = v[offset + k + 1] ?? 0;
      else px = (v[offset + k - 1] ?? 0) + 1;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      next[offset + k] = px;
      if (px >= n && py >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return [];
  // Walk back through the trace to collect the diagonal (matching) moves.
  const matches: (readonly [number, number])[] = [];
  let px = n;
  let py = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d];
    const previous = (at: number) => saved?.[at + d + 1] ?? 0;
    const k = px - py;
    const down = k === -d || (k !== d && previous(k - 1) < previous(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = previous(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    for (let sx = px, sy = py; sx > startX && sy > startY; ) matches.push([--sx, --sy]);
    px = prevX;
    py = prevY;
  }
  for (let sx = px, sy = py; sx > 0 && sy > 0; ) matches.push([--sx, --sy]);
  return matches.reverse();
}

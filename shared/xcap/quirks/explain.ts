import type { OutcomeDifference } from './compare';
import { outcomeDifferences } from './compare';
import type { ServerQuirk, XcapOperation, XcapOutcome } from './types';

export interface QuirkVerdict {
  /** True when the server did what was predicted, or what the explaining quirks make of it. */
  readonly explained: boolean;
  /** The quirks needed to explain the difference (none when the prediction held); minimal. */
  readonly quirks: readonly ServerQuirk[];
  /** The prediction with those quirks applied: what this server was expected to do. */
  readonly expected: XcapOutcome;
  /** What remains different (empty when explained); without quirks when nothing explains it. */
  readonly differences: readonly OutcomeDifference[];
}

/**
 * Says which of `quirks` (the server's, from findQuirks) explain how `actual` differs from the
 * engine's `predicted` outcome. The quirks adjust the prediction in registry order; a quirk only
 * counts when the explanation fails without it, so every quirk named is one that was observed.
 */
export function explainDifference(quirks: readonly ServerQuirk[], operation: XcapOperation, predicted: XcapOutcome, actual: XcapOutcome): QuirkVerdict {
  const direct = outcomeDifferences(predicted, actual);
  if (direct.length === 0) return { explained: true, quirks: [], expected: predicted, differences: [] };
  let used = [...quirks];
  let attempt = applyQuirks(used, operation, predicted, actual);
  if (attempt.differences.length > 0) return { explained: false, quirks: [], expected: predicted, differences: direct };
  for (const quirk of quirks) {
    const without = used.filter((q) => q !== quirk);
    const retry = applyQuirks(without, operation, predicted, actual);
    if (retry.differences.length === 0) {
      used = without;
      attempt = retry;
    }
  }
  return { explained: true, quirks: attempt.applied, expected: attempt.expected, differences: [] };
}

function applyQuirks(quirks: readonly ServerQuirk[], operation: XcapOperation, predicted: XcapOutcome, actual: XcapOutcome) {
  let expected = predicted;
  const normalisers: ((document: string) => string)[] = [];
  const applied: ServerQuirk[] = [];
  for (const quirk of quirks) {
    const adjustment = quirk.adjust(operation, expected);
    if (adjustment === null) continue;
    applied.push(quirk);
    expected = adjustment.outcome;
    if (adjustment.normaliseDocument) normalisers.push(adjustment.normaliseDocument);
  }
  const normalise = (document: string) => normalisers.reduce((d, f) => f(d), document);
  return { expected, applied, differences: outcomeDifferences(expected, actual, normalise) };
}

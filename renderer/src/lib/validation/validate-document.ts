/**
 * What "validate as you type" checks, entirely with the XCAP core (nothing here knows an XCAP
 * rule): parseXml (size limit, UTF-8, no DTD tricks, libxml2 well-formedness, source index), the
 * root element and the usage's XSD (check-result / validateAgainstSchema in libxml2), then the
 * usage's uniqueness rules and data constraints with the functions the edit engine runs after a
 * PUT (findUniquenessConflicts / findConstraintViolation), only here on the whole document and
 * with each finding placed on the node it concerns.
 *
 * Written as a generator that yields between phases so the worker can drop a request that became
 * stale while it ran; `validateDocument` runs it to the end (tests, callers without a worker).
 */
import { rootElementError } from '../../../../shared/xcap/edit/check-result';
import { findConstraintViolation, findUniquenessConflicts } from '../../../../shared/xcap/edit/uniqueness';
import { isXcapCoreError } from '../../../../shared/xcap/errors';
import { parseAndValidate } from '../../../../shared/xcap/usages/parse-and-validate';
import { findApplicationUsage } from '../../../../shared/xcap/usages/registry';
import type { ApplicationUsage, UniquenessRule } from '../../../../shared/xcap/usages/types';
import { defaultXmlLimits, type XmlLimits } from '../../../../shared/xcap/xml/limits';
import type { SourceElement, SourceIndex } from '../../../../shared/xcap/xml/source-index';
import { walkElements } from '../../../../shared/xcap/xml/source-index';
import { LineMap, markerAtLineColumn, markerForOffsets, markerForSchemaProblem, type EditorMarker } from './markers';

export interface ValidationOptions {
  readonly limits?: XmlLimits;
}

/** Why a phase boundary was reached (for timing and cancellation). */
export type ValidationPhase = 'parsed' | 'schema' | 'constraints';

export function validateDocument(text: string, auid: string | null, options: ValidationOptions = {}): EditorMarker[] {
  const phases = validationPhases(text, auid, options);
  for (;;) {
    const step = phases.next();
    if (step.done) return step.value;
  }
}

export function* validationPhases(text: string, auid: string | null, options: ValidationOptions = {}): Generator<ValidationPhase, EditorMarker[]> {
  const lines = new LineMap(text);
  const usage = auid ? findApplicationUsage(auid) : undefined;
  let index: SourceIndex;
  let schema: ReturnType<typeof parseAndValidate>['schema'];
  try {
    // One libxml2 parse for well-formedness and the XSD (each parse of 1 MiB costs ~40 ms).
    ({ index, schema } = parseAndValidate(text, usage ?? null, options.limits ?? defaultXmlLimits));
  } catch (error) {
    return [parseErrorMarker(lines, error)];
  }
  yield 'parsed';
  if (!usage) return auid ? [{ ...markerForOffsets(lines, index.root.start, index.root.startTagEnd, { severity: 'warning', source: 'schema', message: `unknown application usage "${auid}": only well-formedness is checked` }) }] : [];

  const rootProblem = rootElementError(usage, index.root);
  if (rootProblem) return [markerForOffsets(lines, index.root.start, startTagNameEnd(index.root), { severity: 'error', source: 'schema', message: rootProblem.phrase })];

  const markers: EditorMarker[] = [];
  if (schema instanceof Error) {
    // A schema that does not compile is the product's problem, not the document's: say so once.
    markers.push(markerForOffsets(lines, index.root.start, startTagNameEnd(index.root), { severity: 'warning', source: 'schema', message: `schema validation unavailable: ${schema.message}` }));
  } else {
    for (const problem of schema ?? []) markers.push(markerForSchemaProblem(lines, problem.line, problem.column, problem.message));
  }
  yield 'schema';
  markers.push(...constraintMarkers(usage, index, lines));
  return markers;
}

function parseErrorMarker(lines: LineMap, error: unknown): EditorMarker {
  if (!isXcapCoreError(error)) {
    return markerAtLineColumn(lines, 1, 0, { severity: 'error', source: 'xml', message: `the XML could not be checked: ${(error as Error).message}` });
  }
  const prefix: Partial<Record<string, string>> = {
    'entity-declaration': 'refused: ',
    'external-entity': 'refused: ',
    'too-large': 'too large: ',
    'not-utf-8': 'not UTF-8: ',
  };
  // The core prefixes libxml2's messages with "line L, column C: "; the marker carries the position.
  const message = `${prefix[error.code] ?? ''}${error.message.replace(/^line \d+, column \d+: /, '')}`;
  return markerAtLineColumn(lines, error.line ?? 1, error.column ?? 0, { severity: 'error', source: 'xml', message });
}

/** Uniqueness rules and data constraints, each finding on the attribute or start tag it concerns. */
function constraintMarkers(usage: ApplicationUsage, index: SourceIndex, lines: LineMap): EditorMarker[] {
  const markers: EditorMarker[] = [];
  if (usage.uniqueness.length === 0 && usage.constraints.length === 0) return markers;
  const elements = [...walkElements(index.root)];
  // The engine reports one conflict per rule (the first): ask per rule so each finding knows its rule.
  for (const rule of usage.uniqueness) {
    const [conflict] = findUniquenessConflicts([rule], { added: elements, siblings: [], rest: () => [], addedRoot: null, addedParent: null });
    if (!conflict) continue;
    const alternatives = conflict.altValues.length > 0 ? `; for example ${conflict.altValues.map((v) => `"${v}"`).join(', ')}` : '';
    const message = `uniqueness-failure: ${conflict.field} "${conflict.value}" is not unique${rule.scope === 'siblings' ? ' among its siblings' : ' in the document'}${alternatives} — ${rule.source}`;
    for (const duplicate of duplicatesOf(rule, conflict.value, elements)) {
      const attribute = duplicate.attributes.find((a) => a.local === rule.key && a.namespace === null);
      markers.push(markerForOffsets(lines, attribute?.start ?? duplicate.start, attribute?.end ?? duplicate.startTagEnd, { severity: 'error', source: 'constraint', message }));
    }
  }
  if (usage.constraints.length > 0 && findConstraintViolation(usage.constraints, elements, index.text) !== null) {
    // The engine stops at the first violation; here every element is asked on its own so each one is marked.
    for (const element of elements) {
      const violation = findConstraintViolation(usage.constraints, [element], index.text);
      if (violation !== null) markers.push(markerForOffsets(lines, element.start, element.startTagEnd, { severity: 'error', source: 'constraint', message: `constraint-failure: ${violation}` }));
    }
  }
  return markers;
}

/**
 * The elements carrying a conflicting value after its first occurrence (per parent for sibling
 * rules): where the engine's conflict is, so the marker goes on the copy rather than the original.
 */
function duplicatesOf(rule: UniquenessRule, value: string, elements: readonly SourceElement[]): SourceElement[] {
  const seen = new Set<SourceElement | null>();
  const duplicates: SourceElement[] = [];
  for (const element of elements) {
    if (element.local !== rule.element.local || element.namespace !== rule.element.namespace) continue;
    if (element.attributes.find((a) => a.local === rule.key && a.namespace === null)?.value !== value) continue;
    const group = rule.scope === 'siblings' ? element.parent : null;
    if (seen.has(group)) duplicates.push(element);
    else seen.add(group);
  }
  return duplicates;
}

function startTagNameEnd(element: SourceElement): number {
  return element.start + 1 + element.qname.length;
}

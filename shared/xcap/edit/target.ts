import { isXcapCoreError } from '../errors';
import type { ResolvedSelector } from '../selector/namespaces';
import { resolveSelectorNames } from '../selector/namespaces';
import { parseNodeSelector } from '../selector/parse';
import { encodeNodeSelector } from '../uri/percent';
import type { SourceElement, SourceIndex } from '../xml/source-index';
import { failure } from './responses';
import { closestExistingAncestor, selectElements } from './select';
import type { XcapEditRequest, XcapEditResult, XcapErrorDetail } from './types';

/** Parses and resolves the request's node selector; a selector that cannot be used answers 400. */
export function resolveRequestSelector(request: XcapEditRequest, selectorText: string, current: string | null): ResolvedSelector | XcapEditResult {
  try {
    return resolveSelectorNames(parseNodeSelector(selectorText), request.namespaces ?? {}, request.usage.defaultNamespace);
  } catch (error) {
    if (isXcapCoreError(error)) return failure(400, current, `invalid node selector: ${error.message}`);
    throw error;
  }
}

/** The element a selector's element part selects, when exactly one; else the matches found. */
export function selectOne(index: SourceIndex, selector: ResolvedSelector): { element: SourceElement } | { count: number } {
  const matches = selectElements(index, selector.steps);
  const [only] = matches;
  return matches.length === 1 && only ? { element: only } : { count: matches.length };
}

/** RFC 4825 §8.2.3 no-parent, naming the closest ancestor that exists as an absolute URI when possible. */
export function noParent(index: SourceIndex, selector: ResolvedSelector, selectorText: string, request: XcapEditRequest, steps = selector.steps): XcapErrorDetail {
  const existing = closestExistingAncestor(index, steps);
  const lastExisting = steps[existing - 1];
  const ancestorSelector = lastExisting ? selectorText.slice(0, lastExisting.end) : null;
  const ancestor =
    request.documentUri === undefined
      ? ancestorSelector ?? undefined
      : ancestorSelector === null
        ? request.documentUri
        : `${request.documentUri}/~~/${encodeNodeSelector(ancestorSelector)}`;
  const missing = steps[existing];
  const missingText = missing ? selectorText.slice(existing === 0 ? 0 : (steps[existing - 1]?.end ?? 0) + 1, missing.end) : '';
  return {
    tag: 'no-parent',
    phrase: `the parent of the new node does not exist: no element matches "${missingText}"${ancestorSelector ? ` under ${ancestorSelector}` : ''}`,
    ...(ancestor !== undefined && { ancestor }),
  };
}

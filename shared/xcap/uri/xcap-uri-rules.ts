/**
 * What makes an XcapUri value writable as a URI. buildXcapUri refuses values that break a
 * rule, and the parsers check their result against the same rules, so that every parsed
 * value builds and every built value parses back to itself.
 */
import { XcapCoreError } from '../errors';
import { legacyNodePathStart } from './legacy-shapes';
import { segmentProblem, valueProblem } from './segments';
import { nextQuoteState, OUTSIDE_QUOTES } from './selector-quotes';
import { shown } from './shown';
import type { XcapUri } from './xcap-uri';
import { NODE_SELECTOR_SEPARATOR } from './xcap-path';
import { parseXcapRoot } from './xcap-root';
import { namespaceBindingProblem } from './xmlns-query';

export interface XcapUriProblem {
  readonly field: keyof XcapUri;
  readonly message: string;
}

/** Why `selector` cannot be a node selector in a URI, or null (its XPath-like grammar is checked elsewhere). */
export function nodeSelectorProblem(selector: string): string | null {
  const problem = valueProblem(selector, 'the node selector');
  if (problem !== null) return problem;
  return selectorDotStepProblem(selector);
}

/** Why the canonical wire form of `selector` would hold a dot segment, or null. */
export function selectorDotStepProblem(selector: string): string | null {
  const dotStep = findDotStep(selector);
  if (dotStep !== null) return `the node selector has the step "${dotStep}", a dot segment that HTTP clients remove before sending`;
  return null;
}

/**
 * A "." or ".." between step separators, i.e. a dot segment of the canonical wire form:
 * encodeNodeSelector keeps "." raw and "/" raw only outside quoted values.
 */
function findDotStep(selector: string): string | null {
  let quote = OUTSIDE_QUOTES;
  let stepStart = 0;
  for (let index = 0; index <= selector.length; index++) {
    const code = selector.charCodeAt(index);
    if (index === selector.length || (code === 0x2f && quote === OUTSIDE_QUOTES)) {
      const length = index - stepStart;
      const dots = length >= 1 && length <= 2 && selector.charCodeAt(stepStart) === 0x2e && selector.charCodeAt(index - 1) === 0x2e;
      if (dots) return selector.slice(stepStart, index);
      stepStart = index + 1;
    } else if (code === 0x22 || code === 0x27 || quote !== OUTSIDE_QUOTES) {
      quote = nextQuoteState(quote, code);
    }
  }
  return null;
}

export function xcapRootProblem(root: string): string | null {
  try {
    parseXcapRoot(root, false);
    return null;
  } catch (error) {
    if (error instanceof XcapCoreError) return `the root "${shown(root)}" is not an XCAP root URI: ${error.message}`;
    throw error;
  }
}

function scopeProblem(uri: XcapUri): string | null {
  if (uri.scope === null) return uri.kind === 'directory' ? null : 'a document needs a scope ("users" with an XUI, or "global")';
  if (uri.scope.kind === 'global') return null;
  return segmentProblem(uri.scope.xui, 'the XUI');
}

function documentPathProblem(uri: XcapUri): string | null {
  if (uri.kind === 'directory') return uri.documentPath.length === 0 ? null : 'a directory URI has an empty document path';
  if (uri.documentPath.length === 0) return 'a document URI needs at least the document name in its document path';
  for (const segment of uri.documentPath) {
    if (segment === NODE_SELECTOR_SEPARATOR) return 'a document path segment cannot be "~~", the node selector separator';
    const problem = segmentProblem(segment, 'a document path segment');
    if (problem !== null) return problem;
  }
  if (uri.nodeSelector === null && legacyNodePathStart(uri.documentPath) >= 0) {
    return (
      `the document path "${shown(uri.documentPath.join('/'))}" continues after an ".xml" name with what reads as a node path, ` +
      'which parsers treat as the pre-RFC 4825 form (put the node path in nodeSelector)'
    );
  }
  return null;
}

function namespacesProblem(uri: XcapUri): string | null {
  const entries = Object.entries(uri.namespaces);
  if (uri.kind === 'directory' && entries.length > 0) return 'a directory URI takes no namespace bindings';
  for (const [prefix, namespace] of entries) {
    if (typeof namespace !== 'string') return `the namespace bound to "${shown(prefix)}" is not a string`;
    const problem = valueProblem(prefix, 'a namespace prefix') ?? valueProblem(namespace, `the namespace bound to "${shown(prefix)}"`);
    if (problem !== null) return problem;
    const bindingProblem = namespaceBindingProblem(prefix, namespace);
    if (bindingProblem !== null) return bindingProblem.message;
  }
  return null;
}

/** Checks the types too: values may come from outside the type system (IPC, JSON). */
function shapeProblem(uri: XcapUri): XcapUriProblem | null {
  const isStringArray = Array.isArray(uri.documentPath) && uri.documentPath.every((segment) => typeof segment === 'string');
  if (uri.kind !== 'document' && uri.kind !== 'directory') return { field: 'kind', message: 'kind must be "document" or "directory"' };
  if (typeof uri.root !== 'string') return { field: 'root', message: 'the root must be a string' };
  if (typeof uri.auid !== 'string') return { field: 'auid', message: 'the AUID must be a string' };
  if (!isStringArray) return { field: 'documentPath', message: 'the document path must be an array of strings' };
  if (uri.nodeSelector !== null && typeof uri.nodeSelector !== 'string') return { field: 'nodeSelector', message: 'the node selector must be a string or null' };
  if (typeof uri.namespaces !== 'object' || uri.namespaces === null) return { field: 'namespaces', message: 'namespaces must be an object' };
  const scope: unknown = uri.scope;
  const validScope =
    scope === null ||
    (typeof scope === 'object' && 'kind' in scope && (scope.kind === 'global' || (scope.kind === 'users' && 'xui' in scope && typeof scope.xui === 'string')));
  if (!validScope) return { field: 'scope', message: 'the scope must be null, { kind: "global" } or { kind: "users", xui }' };
  return null;
}

/** The first rule `uri` breaks, or null. */
export function xcapUriProblem(uri: XcapUri): XcapUriProblem | null {
  const shape = shapeProblem(uri);
  if (shape !== null) return shape;
  const checks: [keyof XcapUri, () => string | null][] = [
    ['root', () => xcapRootProblem(uri.root)],
    ['auid', () => segmentProblem(uri.auid, 'the AUID')],
    ['scope', () => scopeProblem(uri)],
    ['documentPath', () => documentPathProblem(uri)],
    [
      'nodeSelector',
      () => {
        if (uri.nodeSelector === null) return null;
        return uri.kind === 'directory' ? 'a directory URI takes no node selector' : nodeSelectorProblem(uri.nodeSelector);
      },
    ],
    ['namespaces', () => namespacesProblem(uri)],
  ];
  for (const [field, check] of checks) {
    const message = check();
    if (message !== null) return { field, message };
  }
  return null;
}

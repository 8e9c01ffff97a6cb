import { getApplicationUsage } from '../usages/registry';
import { applyXcapRequest } from './apply';
import { loadXcapDocument } from './document';
import type { XcapEditRequest, XcapEditResult, XcapMethod } from './types';

/** Test helper: apply one operation to a document given as text (null: absent). */
export function run(
  document: string | null,
  method: XcapMethod,
  auid: string,
  nodeSelector: string | null,
  options: Partial<Pick<XcapEditRequest, 'body' | 'namespaces' | 'contentType' | 'documentUri' | 'validateSchema' | 'limits'>> = {},
): XcapEditResult {
  const snapshot = document === null ? null : loadXcapDocument(document);
  return applyXcapRequest(snapshot, { method, usage: getApplicationUsage(auid), nodeSelector, ...options });
}

/** Applies operations in sequence, each on the previous result's document. */
export class DocumentSession {
  constructor(
    public document: string | null,
    private readonly auid: string,
  ) {}

  do(method: XcapMethod, nodeSelector: string | null, options: Parameters<typeof run>[4] = {}): XcapEditResult {
    const result = run(this.document, method, this.auid, nodeSelector, options);
    this.document = result.document;
    return result;
  }
}

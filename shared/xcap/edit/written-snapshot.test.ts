/**
 * snapshotOfWrittenDocument (the index of a document the engine just wrote, without a second
 * libxml2 parse) must be exactly what loadXcapDocument makes of the same text.
 */
import { describe, expect, it } from 'vitest';
import { A82_CREATED_LIST, A83_CREATED_POLICY, A83_SECOND_RULE } from '../examples/ts24141-a8';
import { getApplicationUsage } from '../usages/registry';
import { applyXcapRequest, loadXcapDocument, snapshotOfWrittenDocument } from './index';

const EL = 'application/xcap-el+xml';

describe('snapshotOfWrittenDocument', () => {
  const writes = [
    { auid: 'resource-lists', base: A82_CREATED_LIST, nodeSelector: 'resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:x@example.com"]', body: '<entry uri="sip:x@example.com"><display-name>X &amp; Y</display-name></entry>' },
    { auid: 'resource-lists', base: A82_CREATED_LIST, nodeSelector: 'resource-lists/list[@name="Presence_fellows"]/entry[1]/display-name', body: '<display-name>Renamed</display-name>' },
    { auid: 'pres-rules', base: A83_CREATED_POLICY, nodeSelector: 'cp:ruleset/cp:rule[@id="dsffdsfrrr32423"]', body: A83_SECOND_RULE, namespaces: { cp: 'urn:ietf:params:xml:ns:common-policy' } },
  ];
  for (const write of writes) {
    it(`equals a full load after PUT ${write.nodeSelector}`, () => {
      const usage = getApplicationUsage(write.auid);
      const snapshot = loadXcapDocument(write.base);
      const result = applyXcapRequest(snapshot, { method: 'PUT', usage, nodeSelector: write.nodeSelector, body: write.body, contentType: EL, ...(write.namespaces && { namespaces: write.namespaces }) });
      expect(result.documentChanged, JSON.stringify(result.error)).toBe(true);
      const document = result.document ?? '';
      expect(snapshotOfWrittenDocument(document)).toEqual(loadXcapDocument(document));
      // From the previous snapshot and the edit (only the new element is indexed).
      const edit = result.edit;
      if (!edit) throw new Error('a write has an edit');
      expect(snapshotOfWrittenDocument(document, { snapshot, edit })).toEqual(loadXcapDocument(document));
    });
  }

  it('equals a full load after DELETE of an element, and after an attribute PUT (which scans the whole text)', () => {
    const usage = getApplicationUsage('resource-lists');
    const snapshot = loadXcapDocument(A82_CREATED_LIST);
    const requests = [
      { method: 'DELETE' as const, usage, nodeSelector: 'resource-lists/list[@name="Presence_fellows"]/entry[1]' },
      { method: 'PUT' as const, usage, nodeSelector: 'resource-lists/list[@name="Presence_fellows"]/entry[1]/@uri', body: 'sip:renamed@example.com', contentType: 'application/xcap-att+xml' },
    ];
    for (const request of requests) {
      const result = applyXcapRequest(snapshot, request);
      expect(result.documentChanged, JSON.stringify(result.error)).toBe(true);
      const document = result.document ?? '';
      const edit = result.edit;
      if (!edit) throw new Error('a write has an edit');
      expect(snapshotOfWrittenDocument(document, { snapshot, edit })).toEqual(loadXcapDocument(document));
    }
  });
});

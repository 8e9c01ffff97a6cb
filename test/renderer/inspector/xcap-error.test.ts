import { describe, expect, it } from 'vitest';
import { xcapErrorBody } from '../../../shared/xcap/edit';
import { describeXcapError, isXcapError, parseXcapError } from '../../../renderer/src/views/inspector/xcap-error';

describe('xcap-error decoding', () => {
  it('reads a uniqueness-failure with alt-values as the core writes it', () => {
    const body = xcapErrorBody({
      tag: 'uniqueness-failure',
      phrase: 'entry uri is not unique',
      conflicts: [{ field: 'resource-lists/list[@name="friends"]/entry/@uri', value: 'sip:bob@example.com', altValues: ['sip:bob1@example.com', 'sip:bob2@example.com'] }],
    });
    const info = parseXcapError(body);
    expect(info).toEqual({
      condition: 'uniqueness-failure',
      phrase: 'entry uri is not unique',
      exists: [{ field: 'resource-lists/list[@name="friends"]/entry/@uri', altValues: ['sip:bob1@example.com', 'sip:bob2@example.com'] }],
      ancestor: null,
    });
    expect(describeXcapError(409, info ?? { condition: '', phrase: null, exists: [], ancestor: null })).toBe(
      '409 conflict: uniqueness-failure — entry uri is not unique; resource-lists/list[@name="friends"]/entry/@uri is not unique; alt-values: sip:bob1@example.com, sip:bob2@example.com',
    );
  });

  it('reads no-parent with its ancestor, and a bare condition', () => {
    const noParent = parseXcapError(xcapErrorBody({ tag: 'no-parent', phrase: 'no list', ancestor: 'http://x/xcap-root/resource-lists/users/sip:a@b/index' }));
    expect(noParent).toMatchObject({ condition: 'no-parent', ancestor: 'http://x/xcap-root/resource-lists/users/sip:a@b/index' });
    expect(describeXcapError(409, noParent ?? { condition: '', phrase: null, exists: [], ancestor: null })).toBe(
      '409 conflict: no-parent — no list; closest existing ancestor: http://x/xcap-root/resource-lists/users/sip:a@b/index',
    );
    const bare = parseXcapError('<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><cannot-delete/></xcap-error>');
    expect(bare).toEqual({ condition: 'cannot-delete', phrase: null, exists: [], ancestor: null });
    expect(describeXcapError(409, bare ?? { condition: '', phrase: null, exists: [], ancestor: null })).toBe('409 conflict: cannot-delete');
  });

  it('accepts a prefixed namespace, comments and entities', () => {
    const text = '<?xml version="1.0"?><!-- c --><e:xcap-error xmlns:e="urn:ietf:params:xml:ns:xcap-error"><!-- why --><e:uniqueness-failure phrase="a &amp; b"><e:exists field="f"><e:alt-value>x&lt;1</e:alt-value></e:exists></e:uniqueness-failure></e:xcap-error>';
    expect(parseXcapError(text)).toEqual({ condition: 'uniqueness-failure', phrase: 'a & b', exists: [{ field: 'f', altValues: ['x<1'] }], ancestor: null });
  });

  it('is null for other documents and bodies cut before the condition', () => {
    expect(parseXcapError('<resource-lists/>')).toBeNull();
    expect(parseXcapError('<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error">')).toBeNull();
    expect(parseXcapError('not xml')).toBeNull();
  });

  it('recognises the media type with parameters and any case', () => {
    expect(isXcapError('application/xcap-error+xml; charset=utf-8')).toBe(true);
    expect(isXcapError('Application/XCAP-Error+XML')).toBe(true);
    expect(isXcapError('application/xml')).toBe(false);
    expect(isXcapError(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readXcapErrorBody } from './read-xcap-error';
import { xcapErrorBody } from './xcap-error-body';

describe('readXcapErrorBody', () => {
  it('reads back what xcapErrorBody writes', () => {
    const uniqueness = { tag: 'uniqueness-failure' as const, phrase: 'not unique', conflicts: [{ field: 'resource-lists/list/@name', value: '', altValues: ['friends1', 'friends2'] }] };
    expect(readXcapErrorBody(xcapErrorBody(uniqueness))).toEqual(uniqueness);
    expect(readXcapErrorBody(xcapErrorBody({ tag: 'no-parent', phrase: 'p', ancestor: 'http://h/r/a/users/u/index' }))).toEqual({ tag: 'no-parent', phrase: 'p', ancestor: 'http://h/r/a/users/u/index' });
    expect(readXcapErrorBody(xcapErrorBody({ tag: 'schema-validation-error', phrase: 'x' }))).toEqual({ tag: 'schema-validation-error', phrase: 'x' });
  });

  it('is null for anything else, including hostile XML', () => {
    expect(readXcapErrorBody('')).toBeNull();
    expect(readXcapErrorBody('<html/>')).toBeNull();
    expect(readXcapErrorBody('<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><x>&a;</x></xcap-error>')).toBeNull();
  });
});

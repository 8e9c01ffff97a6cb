import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { parseXml } from '../xml/parse';
import { parseAndValidate } from './parse-and-validate';
import { getApplicationUsage } from './registry';
import { validateAgainstSchema } from './schema-validation';

const usage = getApplicationUsage('resource-lists');
const valid = '<?xml version="1.0" encoding="UTF-8"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="a"><entry uri="sip:é@x"/></list></resource-lists>';
const invalid = '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="a"><entry/></list></resource-lists>';

describe('parseAndValidate', () => {
  it('gives the same index as parseXml and the same findings as validateAgainstSchema', () => {
    for (const text of [valid, invalid]) {
      const both = parseAndValidate(text, usage);
      expect(both.index).toEqual(parseXml(text));
      expect(both.schema).toEqual(validateAgainstSchema(usage, text).problems);
    }
    expect(parseAndValidate(valid, null).schema).toBeNull();
  });

  it('refuses what parseXml refuses, with the same codes', () => {
    for (const text of ['<a>', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 'x'.repeat(20)]) {
      let expected: unknown;
      try {
        parseXml(text, { maxBytes: 10 });
      } catch (error) {
        expected = error;
      }
      let actual: unknown;
      try {
        parseAndValidate(text, usage, { maxBytes: 10 });
      } catch (error) {
        actual = error;
      }
      expect(isXcapCoreError(actual)).toBe(true);
      expect((actual as { code: string }).code).toBe((expected as { code: string }).code);
    }
  });
});

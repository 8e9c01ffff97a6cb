/** The registry against its schemas and the example documents written from the specifications. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWholeDocument } from '../edit/document-ops';
import { xcapErrorBody } from '../edit/xcap-error-body';
import { parseXml } from '../xml/parse';
import { applicationUsages, findApplicationUsage, getApplicationUsage } from './registry';
import { compiledSchema, validateAgainstSchema } from './schema-validation';
import { schemaFiles } from './schemas';

const EXAMPLES = join(import.meta.dirname, 'examples');

describe('application usage registry', () => {
  it.each(applicationUsages.map((u) => [u.auid, u] as const))('%s has a compiling schema and a root element in its namespace family', (_auid, usage) => {
    expect(schemaFiles[usage.schemaFile], usage.schemaFile).toBeDefined();
    expect(() => compiledSchema(usage.schemaFile)).not.toThrow();
    expect(usage.mimeType).toMatch(/^application\/[\w.+-]+\+xml$/);
  });

  it('knows the AUIDs issue 2 lists (simservs under its TS 24.623 AUID and short name)', () => {
    for (const auid of ['resource-lists', 'rls-services', 'pres-rules', 'org.openmobilealliance.pres-rules', 'pidf-manipulation', 'xcap-caps', 'xcap-error', 'org.openmobilealliance.xcap-directory', 'org.openmobilealliance.pres-content', 'simservs', 'simservs.ngn.etsi.org']) {
      expect(findApplicationUsage(auid), auid).toBeDefined();
    }
    expect(() => getApplicationUsage('nope')).toThrow(/unknown application usage/);
  });
});

describe('example documents', () => {
  for (const auid of readdirSync(EXAMPLES)) {
    const usage = getApplicationUsage(auid);
    const dir = join(EXAMPLES, auid);
    const valid = readdirSync(dir).filter((f) => f.endsWith('.xml'));
    const invalid = readdirSync(join(dir, 'invalid')).filter((f) => f.endsWith('.xml'));
    it.each(valid)(`${auid}/%s is accepted as a whole document`, (file) => {
      const problem = validateWholeDocument({ method: 'PUT', usage, nodeSelector: null }, parseXml(readFileSync(join(dir, file))));
      expect(problem).toBeNull();
    });
    it.each(invalid)(`${auid}/invalid/%s is refused with schema-validation-error`, (file) => {
      const problem = validateWholeDocument({ method: 'PUT', usage, nodeSelector: null }, parseXml(readFileSync(join(dir, 'invalid', file))));
      expect(problem?.tag).toBe('schema-validation-error');
    });
  }
});

describe('xcap-error bodies the engine writes', () => {
  const usage = getApplicationUsage('xcap-error');
  it.each([
    { tag: 'no-parent', phrase: 'x', ancestor: 'http://example.com/xcap-root/resource-lists/users/sip:a@b/index/~~/resource-lists' },
    { tag: 'uniqueness-failure', phrase: 'dup', conflicts: [{ field: 'rls-services/service/@uri', value: 'sip:a@b', altValues: ['sip:a-2@b'] }] },
    { tag: 'cannot-delete', phrase: 'with "quotes" & <angles>' },
    { tag: 'not-utf-8', phrase: '' },
  ] as const)('$tag validates against the RFC 4825 §11 schema', (error) => {
    expect(validateAgainstSchema(usage, xcapErrorBody(error)).problems).toEqual([]);
  });
});

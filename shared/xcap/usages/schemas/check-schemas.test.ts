// Checks the usage schemas with the real libxml2 command-line validator: every schema file is
// written to a temporary directory under its bare name, and each example document in
// shared/xcap/usages/examples/<auid>/ must validate against the AUID's root schema, while each
// one in examples/<auid>/invalid/ must be rejected. The same is then checked with libxml2-wasm,
// the (newer) libxml2 the application itself uses, which is stricter about schema determinism.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlBufferInputProvider, XmlDocument, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFiles, schemaRootFile } from './index';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const AUIDS = [
  'resource-lists',
  'rls-services',
  'pres-rules',
  'org.openmobilealliance.pres-rules',
  'pidf-manipulation',
  'xcap-caps',
  'xcap-error',
  'org.openmobilealliance.xcap-directory',
  'org.openmobilealliance.pres-content',
  'simservs',
];

const xmllintProbe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const xmllintMissing = xmllintProbe.error !== undefined || xmllintProbe.status !== 0;
const INSTALL_HINT =
  'xmllint was not found: install it (Debian/Ubuntu: `apt-get install -y libxml2-utils`) to check the XCAP usage schemas';

let schemaDir = '';
beforeAll(() => {
  schemaDir = mkdtempSync(join(tmpdir(), 'xcap-schemas-'));
  for (const [name, text] of Object.entries(schemaFiles)) writeFileSync(join(schemaDir, name), text);
});
afterAll(() => {
  if (schemaDir) rmSync(schemaDir, { recursive: true, force: true });
});

function xmllint(rootFile: string, document: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(schemaDir, rootFile), document], {
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function xmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => join(dir, name));
}

describe('XCAP usage schemas', () => {
  it('can run xmllint', () => {
    expect(xmllintMissing, INSTALL_HINT).toBe(false);
  });

  it('maps every AUID to a root schema, and every referenced schemaLocation to a schema file', () => {
    expect(Object.keys(schemaRootFile).sort()).toEqual([...AUIDS].sort());
    for (const root of Object.values(schemaRootFile)) expect(schemaFiles[root], root).toBeTypeOf('string');
    for (const [name, text] of Object.entries(schemaFiles)) {
      for (const match of text.matchAll(/schemaLocation="([^"]*)"/g)) {
        const location = match[1] ?? '';
        expect(location, `${name} refers to ${location}`).not.toContain('/');
        expect(schemaFiles[location], `${name} refers to ${location}, which is not in schemaFiles`).toBeTypeOf('string');
      }
    }
  });

  it('compiles every root schema', () => {
    expect(xmllintMissing, INSTALL_HINT).toBe(false);
    const dummy = join(schemaDir, 'dummy.xml');
    writeFileSync(dummy, '<dummy/>');
    for (const root of new Set(Object.values(schemaRootFile))) {
      const { output } = xmllint(root, dummy);
      // A compiled schema rejects <dummy/> only because no global declaration matches it.
      expect(output, `${root} does not compile:\n${output}`).not.toMatch(/failed to compile|parser error|Schemas parser error|WXS schema .* failed/i);
      expect(output, root).toMatch(/No matching global declaration|fails to validate/);
    }
  });

  for (const auid of AUIDS) {
    describe(auid, () => {
      const valid = xmlFiles(join(examplesDir, auid));
      const invalid = xmlFiles(join(examplesDir, auid, 'invalid'));

      it('has at least one valid and one invalid example', () => {
        expect(valid.length, `no examples in examples/${auid}/`).toBeGreaterThan(0);
        expect(invalid.length, `no examples in examples/${auid}/invalid/`).toBeGreaterThan(0);
      });

      it('every invalid example says why at the top', () => {
        for (const file of invalid) {
          const head = readFileSync(file, 'utf8').slice(0, 600);
          expect(head, file).toMatch(/<!--\s*INVALID:/);
        }
      });

      it('accepts the valid examples and rejects the invalid ones', () => {
        expect(xmllintMissing, INSTALL_HINT).toBe(false);
        const root = schemaRootFile[auid] ?? '';
        for (const file of valid) {
          const { ok, output } = xmllint(root, file);
          expect(ok, `${file} should validate against ${root}:\n${output}`).toBe(true);
        }
        for (const file of invalid) {
          const { ok, output } = xmllint(root, file);
          expect(ok, `${file} should NOT validate against ${root}`).toBe(false);
          // Rejected by validation, not because the document or the schema is broken.
          expect(output, file).toMatch(/Schemas validity error/);
        }
      });
    });
  }

  describe('with libxml2-wasm', () => {
    const base = 'xcap-schemas-check/';
    const encoder = new TextEncoder();
    const buffers: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(schemaFiles)) buffers[base + name] = encoder.encode(text);
    xmlRegisterInputProvider(new XmlBufferInputProvider(buffers));

    function compile(root: string): XsdValidator {
      const schemaDocument = XmlDocument.fromString(schemaFiles[root] ?? '', { url: base + root });
      try {
        return XsdValidator.fromDoc(schemaDocument);
      } finally {
        schemaDocument.dispose();
      }
    }

    for (const auid of AUIDS) {
      it(`compiles the ${auid} schema and agrees on its examples`, () => {
        const root = schemaRootFile[auid] ?? '';
        const validator = compile(root);
        try {
          const cases = [
            ...xmlFiles(join(examplesDir, auid)).map((file) => ({ file, expected: true })),
            ...xmlFiles(join(examplesDir, auid, 'invalid')).map((file) => ({ file, expected: false })),
          ];
          for (const { file, expected } of cases) {
            const document = XmlDocument.fromString(readFileSync(file, 'utf8'));
            let problem = '';
            try {
              validator.validate(document);
            } catch (error) {
              problem = error instanceof Error ? error.message : String(error);
            } finally {
              document.dispose();
            }
            expect(problem === '', `${file} (expected ${expected ? 'valid' : 'invalid'}): ${problem}`).toBe(expected);
          }
        } finally {
          validator.dispose();
        }
      });
    }
  });
});

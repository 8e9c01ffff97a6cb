import { XmlBufferInputProvider, XmlDocument, XmlValidateError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { XcapCoreError } from '../errors';
import type { LibxmlProblem } from '../xml/libxml';
import { allProblems, firstProblem, utf8ForLibxml, withLibxmlDocument } from '../xml/libxml';
import { schemaFiles } from './schemas';
import type { ApplicationUsage } from './types';

/**
 * XML Schema validation in libxml2. Compiled schemas are kept for the life of the process (they are
 * few and compiling one takes tens of milliseconds). Imports between schemas resolve from memory
 * through an input provider that knows only our schema files: nothing is read from disk or network.
 */
const SCHEMA_BASE = 'xcap-schemas/';

export interface SchemaValidationReport {
  readonly valid: boolean;
  readonly problems: readonly LibxmlProblem[];
  /**
   * libxml2 stops at the first unexpected child of each parent, so a report lists at most one
   * problem per parent: fixing it may reveal more. Shown in the UI rather than implying completeness.
   */
  readonly complete: false;
}

let providerRegistered = false;
const validators = new Map<string, XsdValidator>();

function registerSchemaProvider(): void {
  if (providerRegistered) return;
  const encoder = new TextEncoder();
  const buffers: Record<string, Uint8Array> = {};
  for (const [file, text] of Object.entries(schemaFiles)) buffers[SCHEMA_BASE + file] = encoder.encode(text);
  xmlRegisterInputProvider(new XmlBufferInputProvider(buffers));
  providerRegistered = true;
}

export function compiledSchema(schemaFile: string): XsdValidator {
  const cached = validators.get(schemaFile);
  if (cached) return cached;
  const text = schemaFiles[schemaFile];
  if (text === undefined) throw new XcapCoreError('schema-compile', `no schema file "${schemaFile}"`);
  registerSchemaProvider();
  let schemaDocument: XmlDocument | undefined;
  try {
    schemaDocument = XmlDocument.fromString(text, { url: SCHEMA_BASE + schemaFile });
    const validator = XsdValidator.fromDoc(schemaDocument);
    validators.set(schemaFile, validator);
    return validator;
  } catch (error) {
    const problem = firstProblem(error);
    throw new XcapCoreError('schema-compile', `schema ${schemaFile} does not compile: ${problem.message}`, problem);
  } finally {
    schemaDocument?.dispose();
  }
}

/** The schema problems of a parsed document ([] when valid); libxml2 errors other than validity ones are thrown. */
export function validationProblems(validator: XsdValidator, document: XmlDocument): LibxmlProblem[] {
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return allProblems(error);
  }
}

/** Validates well-formed `text` against the usage's schema. */
export function validateAgainstSchema(usage: ApplicationUsage, text: string): SchemaValidationReport {
  const validator = compiledSchema(usage.schemaFile);
  const problems = withLibxmlDocument(utf8ForLibxml(text), (document) => validationProblems(validator, document));
  return { valid: problems.length === 0, problems, complete: false };
}

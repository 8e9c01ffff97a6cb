/**
 * parseXml and schema validation in one libxml2 parse: what "validate as you type" needs on every
 * keystroke (two parses of a 1 MiB document cost about as much as everything else together).
 * Same guarantees as parseXml: size limit, UTF-8, no DTD tricks, libxml2 well-formedness, then the
 * source index; XcapCoreError on failure.
 */
import { utf8ForLibxml, withLibxmlDocument, type LibxmlProblem } from '../xml/libxml';
import { defaultXmlLimits, type XmlLimits } from '../xml/limits';
import { assertSafeProlog } from '../xml/prolog';
import { indexSource, type SourceIndex } from '../xml/source-index';
import { toText } from '../xml/utf8';
import { compiledSchema, validationProblems } from './schema-validation';
import type { ApplicationUsage } from './types';

export interface ParsedAndValidated {
  readonly index: SourceIndex;
  /** The schema's findings (empty: valid); null without a usage; an Error when the schema itself does not compile. */
  readonly schema: readonly LibxmlProblem[] | Error | null;
}

export function parseAndValidate(input: string | Uint8Array, usage: ApplicationUsage | null, limits: XmlLimits = defaultXmlLimits): ParsedAndValidated {
  const text = toText(input, limits);
  assertSafeProlog(text);
  const schema = withLibxmlDocument(utf8ForLibxml(text), (document) => {
    if (usage === null) return null;
    let validator;
    try {
      validator = compiledSchema(usage.schemaFile);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    return validationProblems(validator, document);
  });
  return { index: indexSource(text), schema };
}

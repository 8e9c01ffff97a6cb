/** Size limits for documents and request bodies; callers may pass their own. */
export interface XmlLimits {
  /** Largest document or body accepted, in bytes (UTF-8). */
  readonly maxBytes: number;
}

export const DEFAULT_MAX_XML_BYTES = 10 * 1024 * 1024;

export const defaultXmlLimits: XmlLimits = { maxBytes: DEFAULT_MAX_XML_BYTES };

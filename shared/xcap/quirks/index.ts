/**
 * Server quirks: how real XCAP servers deviate from RFC 4825, as observed by the interop suite.
 * The UI shows them next to a prediction; the suite uses them to tell a known deviation from a bug.
 */
export { canonicalXml } from './canonical-xml';
export { mediaType, outcomeDifferences, type OutcomeDifference } from './compare';
export { explainDifference, type QuirkVerdict } from './explain';
export { moveWrittenElementToEnd } from './kamailio';
export { findQuirks, getQuirk, serverQuirks } from './registry';
export { compareVersions, formatVersionRange, inVersionRange, parseServerHeader, type ServerProduct } from './server-product';
export type { QuirkAdjustment, QuirkResource, ServerQuirk, VersionRange, XcapOperation, XcapOutcome } from './types';

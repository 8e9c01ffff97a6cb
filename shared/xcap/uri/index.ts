// Public API of XCAP URIs (RFC 4825 §6). Everything else in this folder is internal.
export {
  buildXcapUri,
  formatXcapUriForDisplay,
  parseXcapUri,
  parseXcapUriLenient,
  type ParseXcapUriOptions,
  type XcapUri,
  type XcapUriScope,
} from './xcap-uri';
export { detectLegacyXcapUri, type LegacyXcapUriForm, type LegacyXcapUriReport } from './legacy';
export {
  encodeNodeSelector,
  encodePathSegment,
  encodeQueryText,
  percentDecode,
  type PercentDecodeOptions,
} from './percent';

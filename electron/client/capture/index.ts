/**
 * Traffic capture for the XCAP client: a faithful record of every HTTP exchange, for the traffic
 * inspector, `-v`, HAR and curl export. Everything else in this folder is internal.
 *
 *   const recorder = new TrafficRecorder({ xcapRoot });
 *   const dispatcher = agent.compose(recorder.interceptor());
 *   await dispatcher.request(markRequest(options, { attempt: 'auth-retry' }));
 */
export type {
  AttemptKind,
  CapturedBody,
  ConnectionInfo,
  Exchange,
  ExchangeError,
  ExchangeRequest,
  ExchangeResponse,
  ExchangeTimings,
  HeaderPair,
  PeerCertificateSummary,
  TlsDetails,
  XcapResourceKind,
  XcapView,
} from './exchange';
export { CaptureError, isCaptureError, type CaptureErrorCode } from './capture-error';
export { TrafficRecorder, DEFAULTS as TRAFFIC_RECORDER_DEFAULTS, type TrafficEvents, type TrafficRecorderOptions } from './recorder';
export { markRequest, type CaptureMark } from './mark';
export { timedConnector } from './connector';
export { CREDENTIAL_HEADERS, REDACTED, isSecretHeader, redactExchange, redactHeaders, redactHeaderValue, redactUrl, revealForInspector, type RedactOptions } from './redact';
export { toHar, type HarOptions } from './har';
export type { HarLog, HarEntry } from './har-types';
export { toCurl, type CurlOptions } from './curl';
export { formatExchangeVerbose, type VerboseOptions } from './verbose';
export { exchangeToJson, type BodyJson, type ExchangeJson } from './json';
export { decodeXcapView, type XcapViewOptions } from './xcap-view';

/** The IPC contract between the renderer and the main process (see contract.ts). */
export * from './contract';
export * from './result';
export { buildXcapApi, type Invoke, type Subscribe, type XcapApi } from './api';
export type { ProfileData, ProfileEntry } from './profile-schema';
export type { CapsInfo, ConnectionReport, DirectoryInfo, SendRequest, SendResult } from './xcap-schema';
export type { ExchangeSummary } from './traffic-schema';
export type { Draft } from './drafts-schema';

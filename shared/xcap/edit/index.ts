export { applyXcapRequest } from './apply';
export { loadXcapDocument, snapshotOfWrittenDocument, type WrittenFrom } from './document';
export type { XcapDocumentSnapshot } from './document';
export { xcapErrorBody } from './xcap-error-body';
export * from './types';
export { readXcapErrorBody, type ReadXcapError } from './read-xcap-error';

export { applyXcapRequest } from './apply';
export { loadXcapDocument, snapshotOfWrittenDocument } from './document';
export type { XcapDocumentSnapshot } from './document';
export { xcapErrorBody } from './xcap-error-body';
export * from './types';
export { readXcapErrorBody, type ReadXcapError } from './read-xcap-error';

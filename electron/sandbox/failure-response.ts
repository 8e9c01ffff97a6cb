import { ClientGoneError } from './read-body';
import { plain, type SandboxResponse } from './respond';

/** Codes with which the file system says it has no room left. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/**
 * The answer to a request whose handling threw. A write the store could not make durable never
 * changed the document (the journal refuses it and cuts it off the file; see store/journal.ts), so
 * the client is told so and may retry: 507 when the disk is full (RFC 4918 §11.5), 500 for any other
 * error of the data directory, and a plain 500 for anything else.
 */
export function failureResponse(error: unknown): SandboxResponse {
  // A client that hung up mid-upload is not a server error; the 499 only shows in the log.
  if (error instanceof ClientGoneError) return plain(499, 'client closed the request');
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const syscall = (error as NodeJS.ErrnoException | null)?.syscall;
  if (typeof code === 'string' && DISK_FULL.has(code)) {
    return plain(507, `the sandbox's data directory is full (${code}): the change was not stored`);
  }
  if (typeof code === 'string' && typeof syscall === 'string') {
    return plain(500, `the sandbox's data directory failed (${code} in ${syscall}): the change, if any, was not stored`);
  }
  return plain(500, 'internal server error');
}

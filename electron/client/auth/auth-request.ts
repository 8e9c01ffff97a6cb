/** Argument checks shared by the authenticators: a bad AuthRequest is a bug in the caller, said precisely. */
import { AuthError, describeType } from './auth-error';
import type { AuthRequest, ResponseHeaders } from './authenticator';
import { isToken } from './http-syntax';

/** Throws AuthError 'invalid-argument' unless `request` is a well-formed AuthRequest. */
export function checkAuthRequest(request: unknown, where: string): asserts request is AuthRequest {
  if (typeof request !== 'object' || request === null) throw invalid(`${where} expects an AuthRequest { method, url, target, body, secure }, got ${describeType(request)}.`);
  const { method, url, target, body, secure } = request as Record<string, unknown>;
  if (typeof method !== 'string' || !isToken(method)) throw invalid(`${where}: request.method must be an HTTP method token such as "GET".`);
  if (!(url instanceof URL)) throw invalid(`${where}: request.url must be a URL object.`);
  // The request-target goes into Digest's uri="…" as sent: visible ASCII only (non-ASCII is percent-encoded).
  if (typeof target !== 'string' || !/^[\x21-\x7e]+$/.test(target)) throw invalid(`${where}: request.target must be the request-target as sent (visible ASCII, e.g. "/xcap-root/…").`);
  if (body !== null && !(body instanceof Uint8Array)) throw invalid(`${where}: request.body must be a Uint8Array or null.`);
  if (typeof secure !== 'boolean') throw invalid(`${where}: request.secure must be a boolean.`);
}

/** Throws AuthError 'invalid-argument' unless `values` is an array of strings. */
export function checkHeaderValues(values: unknown, where: string): asserts values is readonly string[] {
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) throw invalid(`${where} expects the WWW-Authenticate values as an array of strings.`);
}

/** A response header by name, any case; repeated fields joined by ", " (RFC 9110 §5.3). */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) throw invalid('The response headers must be an object.');
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function invalid(message: string): AuthError {
  return new AuthError('invalid-argument', message);
}

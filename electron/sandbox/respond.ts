import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A response the handlers compute and the server writes: one shape for every path. */
export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Uint8Array | null;
  readonly contentType?: string | null;
}

export function send(response: ServerResponse, answer: SandboxResponse): void {
  const body = answer.body ?? null;
  const bytes = body === null ? null : typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // Every field in one writeHead: Node then writes (and validates) them as given, without the
  // per-field bookkeeping of setHeader. The handlers never set Content-Type or Content-Length.
  const fields: OutgoingHttpHeaders = { ...(answer.headers as OutgoingHttpHeaders | undefined) };
  if (bytes !== null && answer.contentType) fields['Content-Type'] = answer.contentType;
  fields['Content-Length'] = bytes?.length ?? 0;
  response.writeHead(answer.status, fields);
  response.end(bytes ?? undefined);
}

export function plain(status: number, message: string, headers: Readonly<Record<string, string | readonly string[]>> = {}): SandboxResponse {
  return { status, headers, body: message.endsWith('\n') ? message : message + '\n', contentType: 'text/plain; charset=utf-8' };
}

export function quoted(etag: string): string {
  return `"${etag}"`;
}

import type { ServerResponse } from 'node:http';

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
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value as string | string[]);
  if (bytes !== null && answer.contentType) response.setHeader('Content-Type', answer.contentType);
  response.setHeader('Content-Length', bytes?.length ?? 0);
  response.writeHead(answer.status);
  response.end(bytes ?? undefined);
}

export function plain(status: number, message: string, headers: Readonly<Record<string, string | readonly string[]>> = {}): SandboxResponse {
  return { status, headers, body: message.endsWith('\n') ? message : message + '\n', contentType: 'text/plain; charset=utf-8' };
}

export function quoted(etag: string): string {
  return `"${etag}"`;
}

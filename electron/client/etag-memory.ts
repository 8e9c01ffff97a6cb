/**
 * The ETag of every document the client has seen, by document URL (node selector and query cut
 * off: XCAP nodes share their document's ETag). Plans for writes take their If-Match from here, so
 * a write never silently overwrites what another client changed since we read it.
 */
export class EtagMemory {
  private readonly etags = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  remember(url: string, etag: string | null): void {
    const key = documentKey(url);
    this.etags.delete(key);
    if (etag === null) return;
    this.etags.set(key, etag);
    if (this.etags.size > this.capacity) this.etags.delete(this.etags.keys().next().value as string);
  }

  lookup(url: string): string | null {
    return this.etags.get(documentKey(url)) ?? null;
  }

  forget(url: string): void {
    this.etags.delete(documentKey(url));
  }
}

export function documentKey(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  const selector = withoutQuery.indexOf('/~~/');
  return selector === -1 ? withoutQuery : withoutQuery.slice(0, selector);
}

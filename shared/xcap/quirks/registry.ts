import { kamailioQuirks } from './kamailio';
import { inVersionRange, parseServerHeader } from './server-product';
import type { ServerQuirk } from './types';

/** Every server deviation the console knows, by product. README's interop table lists exactly these (a test checks). */
export const serverQuirks: readonly ServerQuirk[] = [...kamailioQuirks];

/** The quirks of the server that sent this `Server` header (product and version); [] for unknown servers. */
export function findQuirks(serverHeader: string | null | undefined): readonly ServerQuirk[] {
  const server = parseServerHeader(serverHeader);
  if (server === null) return [];
  return serverQuirks.filter((q) => q.product === server.product && inVersionRange(server.version, q.versions));
}

export function getQuirk(id: string): ServerQuirk | undefined {
  return serverQuirks.find((q) => q.id === id);
}

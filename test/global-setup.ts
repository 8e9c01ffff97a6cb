// Once per test run: build the renderer when it is missing or stale, so that the end-to-end suites
// (which start browser mode in parallel) never race to build it.
import { ensureRendererBuilt } from '../electron/web/renderer-build';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt((line) => console.error(line));
}

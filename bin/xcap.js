#!/usr/bin/env -S node --v8-pool-size=0
// The `xcap` command. The CLI is TypeScript; tsx runs it without a build step.
// --v8-pool-size=0: as many V8 helper threads (GC, compilation) as there are cores besides the
// event loop's, not Node's fixed 4. On a 2-core machine the sandbox's event loop then shares its
// cores with one helper instead of four, and its slowest answers come sooner (BENCHMARKS.md).
// The sandbox server reads and writes files through libuv's thread pool (default 4 threads): more
// threads let requests for different documents proceed in parallel. Read when the pool first starts.
process.env.UV_THREADPOOL_SIZE ??= '16';
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`xcap: Node.js >= 22 is required (this is ${process.version}).`);
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

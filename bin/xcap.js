#!/usr/bin/env node
// The `xcap` command. The CLI is TypeScript; tsx runs it without a build step.
// The sandbox server fsyncs every write through libuv's thread pool (default 4 threads): more
// threads let writes to different documents proceed in parallel. Read when the pool first starts.
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

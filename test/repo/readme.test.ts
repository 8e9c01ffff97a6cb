/** README.md is the user's entry: its commands must be the ones that work and that CI runs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const ci = readFileSync(resolve(root, '.ci/run'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string }; bin: Record<string, string> };

function shellBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
}

describe('README', () => {
  const blocks = shellBlocks(readme);
  it('gives two set-up commands and one test command', () => {
    expect(blocks[0]).toEqual(['npm install', 'npm start']);
    expect(blocks[1]).toEqual(['npm test']);
  });
  it('names the test command .ci/run runs last (inside the keyring wrapper)', () => {
    const commands = ci.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('log '));
    expect(commands.at(-1)).toBe(`bash .ci/with-keyring.sh ${blocks[1]?.[0]}`);
  });
  it('matches package.json: scripts exist, Node >= 22, xcap bin', () => {
    for (const script of ['start', 'web', 'test', 'bench', 'lint', 'build', 'dist']) expect(pkg.scripts[script], script).toBeDefined();
    expect(pkg.engines.node).toBe('>=22');
    expect(pkg.bin.xcap).toBe('bin/xcap.js');
  });
});

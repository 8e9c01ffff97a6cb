/** README's interop table is the quirks registry, row for row (runs with or without Kamailio). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVersionRange, serverQuirks } from '../../shared/xcap/quirks';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

function interopTable(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Interop\n'));
  if (section === undefined) throw new Error('README.md has no "## Interop" section');
  return section.split('\n').filter((line) => line.startsWith('|'));
}

describe('README interop section', () => {
  it('lists exactly the registered server quirks: id, server and versions, description, evidence', () => {
    const expected = [
      '| Id | Server | Description | Evidence |',
      '| --- | --- | --- | --- |',
      ...serverQuirks.map((q) => `| \`${q.id}\` | ${q.product} ${formatVersionRange(q.versions)} | ${q.description} | ${q.evidence} |`),
    ];
    expect(interopTable(readme)).toEqual(expected);
  });

  it('names the command that runs the suite on its own', () => {
    expect(readme).toContain('`npm run test:interop`');
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test:interop']).toBe('vitest run test/interop');
  });
});

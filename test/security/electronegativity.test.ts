/**
 * The Electron security scan over the app's sources: no finding of MEDIUM severity or above, and
 * every accepted LOW finding documented (by its check id) in SECURITY.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript script (also run as `npm run lint:security`)
import { scan } from '../../scripts/electronegativity/run.js';

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

describe('electronegativity', () => {
  it('finds nothing of MEDIUM severity or above, and each LOW finding is accepted in SECURITY.md', () => {
    const findings = (scan as () => Finding[])();
    expect(findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity))).toEqual([]);
    const security = readFileSync('SECURITY.md', 'utf8');
    for (const finding of findings) expect(security, `${finding.issue} (${finding.file}) is not documented as accepted`).toContain(`\`${finding.issue}\``);
  }, 120_000);
});

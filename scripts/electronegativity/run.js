// The Electron security scan (@doyensec/electronegativity) over the app's main-process and renderer
// sources. Prints the findings and exits 1 when any is MEDIUM or above. Accepted LOW findings are
// listed, with the reason, in SECURITY.md. Offline: the check that downloads Electron's release list
// is skipped (Electron's version is pinned in package.json and updated deliberately).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version;

// Global checks (CSP, navigation limits, permission handler) look across everything scanned at once,
// so the main process and the renderer are scanned together, from a copy without tests.
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
const wellFormed = (finding) => /^[A-Z_]+_CHECK$/.test(finding.issue) && SEVERITIES.has(finding.severity);

// electronegativity now and then writes a finding half-formed (seen: `A,"Failed to parse CSP…",url`,
// without id, severity or place). Such a run proves nothing either way: scan again, at most 3 times.
export function scan(inputs = ['electron', 'renderer']) {
  let findings = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    findings = scanOnce(inputs);
    if (findings.every(wellFormed)) return findings;
  }
  throw new Error(`electronegativity wrote malformed findings three times: ${JSON.stringify(findings.filter((f) => !wellFormed(f)))}`);
}

function scanOnce(inputs) {
  const findings = [];
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const app = join(dir, 'app');
    for (const input of inputs) cpSync(join(root, input), join(app, input), { recursive: true, filter: (source) => !/\.test\.ts$|test-support/.test(source) });
    const out = join(dir, 'findings.csv');
    const run = spawnSync(process.execPath, ['--require', join(root, 'scripts/electronegativity/ignore-got-retry-bug.cjs'), cli, '-i', app, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } });
    if (run.status !== 0) throw new Error(`electronegativity failed (exit ${run.status}):\n${run.stderr}`);
    for (const line of readFileSync(out, 'utf8').split('\n').slice(1).filter(Boolean)) {
      const [issue, severity, confidence, file, location] = line.match(/("([^"]*)"|[^,]+)/g).map((cell) => cell.replace(/^"|"$/g, '').trim());
      findings.push({ issue, severity, confidence, file, location });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const findings = scan();
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.issue}  ${f.file}:${f.location}  (${f.confidence})`);
  const serious = findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity));
  console.log(`${findings.length} finding(s), ${serious.length} MEDIUM or above`);
  process.exit(serious.length > 0 ? 1 : 0);
}

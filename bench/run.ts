/**
 * `npm run bench [core|sandbox|client|ui]`: the performance figures the issues ask for. `core`: the XCAP core on
 * generated resource-lists documents of 10k and 100k entries (medians). `sandbox`: the embedded
 * server under load. `client`: the XCAP client against curl. `ui`: the console in Chromium. Prints figures, asserts nothing; BENCHMARKS.md records a run and the targets.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XmlDocument, XmlXPath } from 'libxml2-wasm';
import { applyXcapRequest, loadXcapDocument } from '../shared/xcap/edit';
import { parseNodeSelector, resolveSelectorNames, selectorToPortableXPath, selectorToXPath } from '../shared/xcap/selector';
import { getApplicationUsage } from '../shared/xcap/usages/registry';
import { validateAgainstSchema } from '../shared/xcap/usages/schema-validation';
import { resourceListsDocument } from './generate';
import { format, measure } from './measure';
import { loadGenerator, sandboxLoad } from './sandbox-load';
import { clientVersusCurl } from './client-vs-curl';
import { editorValidationBench } from './ui/editor-validation';
import { inspectorScrollBench } from './ui/inspector-scroll';
import { openDocumentBench } from './ui/open-document';

const usage = getApplicationUsage('resource-lists');
const rows: [string, string][] = [];
const report = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label.padEnd(62)} ${value}`);
};

const sections = process.argv.slice(2);
const wants = (section: string) => sections.length === 0 || sections.includes(section);

if (wants('core')) coreBenchmarks();
if (wants('sandbox')) {
  console.log(`\n# sandbox server, 32 connections (${loadGenerator()}), authentication-proxy mode`);
  for (const figure of await sandboxLoad()) {
    const cpu =
      (figure.serverCpuUs ? `; server CPU per request ${figure.serverCpuUs.process} µs (main thread ${figure.serverCpuUs.mainThread} µs)` : '') +
      (figure.generatorCpuUs !== null ? `, ${figure.generator} ${figure.generatorCpuUs} µs` : '') +
      (figure.stolenPercent !== null ? `; CPU stolen by the hypervisor ${figure.stolenPercent}%` : '');
    const spread = figure.latencyMs ? ` (p50 ${figure.latencyMs.p50.toFixed(1)}, p90 ${figure.latencyMs.p90.toFixed(1)}, max ${figure.latencyMs.max.toFixed(1)})` : '';
    report(`${figure.label}`, `${figure.requestsPerSecond.toFixed(0)} req/s, p99 ${figure.p99Ms.toFixed(1)} ms${spread}, ${figure.errors} errors (${figure.requests} requests)${cpu}`);
  }
}

if (wants('client')) {
  console.log('\n# XCAP client: 1,000 sequential GETs of one document (keep-alive) vs curl');
  const { clientMs, curlMs } = await clientVersusCurl();
  report('client, 1,000 GETs', `${clientMs.toFixed(0)} ms`);
  report('curl, the same 1,000 URLs in one invocation', `${curlMs.toFixed(0)} ms`);
  report('ratio client / curl', `${(clientMs / curlMs).toFixed(2)}×`);
}

if (wants('ui')) {
  console.log('\n# console UI in Chromium (browser mode / built pages)');
  for (const bench of [openDocumentBench, editorValidationBench, inspectorScrollBench]) {
    for (const row of await bench()) report(row.label, row.value);
  }
}

function coreBenchmarks(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'xcap-bench-'));
  try {
    for (const entries of [10_000, 100_000]) {
      const text = resourceListsDocument(entries);
      const runs = entries >= 100_000 ? 15 : 60;
      console.log(`\n# resource-lists, ${entries.toLocaleString('en')} entries (${(text.length / 1024 / 1024).toFixed(1)} MiB)`);
      const target = `sip:user${entries - 1}@example.com`;
      const selectorText = `resource-lists/list[@name="friends"]/entry[@uri="${target}"]`;
      const document = loadXcapDocument(text, { maxBytes: 64 * 1024 * 1024 });

      report(`[${entries}] load (libxml2 well-formedness + source index)`, format(measure(Math.ceil(runs / 4), () => loadXcapDocument(text, { maxBytes: 64 * 1024 * 1024 })).medianMs));
      const get = measure(runs, () => applyXcapRequest(document, { method: 'GET', usage, nodeSelector: selectorText }));
      report(`[${entries}] selector + GET of the last entry by @uri`, format(get.medianMs));
      const put = measure(runs, () =>
        applyXcapRequest(document, {
          method: 'PUT',
          usage,
          nodeSelector: 'resource-lists/list[@name="friends"]/entry[@uri="sip:new@example.com"]',
          body: '<entry uri="sip:new@example.com"><display-name>New</display-name></entry>',
          validateSchema: false,
        }),
      );
      report(`[${entries}] selector + PUT insert with uniqueness check (no XSD)`, format(put.medianMs));
      const del = measure(runs, () => applyXcapRequest(document, { method: 'DELETE', usage, nodeSelector: selectorText, validateSchema: false }));
      report(`[${entries}] selector + DELETE of the last entry (no XSD)`, format(del.medianMs));
      const validation = measure(Math.ceil(runs / 4), () => validateAgainstSchema(usage, text));
      report(`[${entries}] XSD validation of the whole document (parse + validate)`, format(validation.medianMs));
      const fullPut = measure(Math.ceil(runs / 4), () =>
        applyXcapRequest(document, {
          method: 'PUT',
          usage,
          nodeSelector: 'resource-lists/list[@name="friends"]/entry[@uri="sip:new@example.com"]',
          body: '<entry uri="sip:new@example.com"/>',
        }),
      );
      report(`[${entries}] full PUT insert incl. XSD validation of the result`, format(fullPut.medianMs));
      // A server that wrote (so validated) the document may validate a replaced entry alone (issue 3).
      const replaceRequest = { method: 'PUT' as const, usage, nodeSelector: selectorText, body: `<entry uri="${target}"><display-name>Renamed</display-name></entry>` };
      const replaceWhole = measure(Math.ceil(runs / 4), () => applyXcapRequest(document, replaceRequest));
      report(`[${entries}] PUT replacing an entry, the result validated whole`, format(replaceWhole.medianMs));
      const replaceAlone = measure(runs, () => applyXcapRequest(document, { ...replaceRequest, documentValid: true }));
      report(`[${entries}] PUT replacing an entry of a known-valid document (entry validated alone)`, format(replaceAlone.medianMs));

      // The same selector in libxml2's XPath: in WebAssembly, and natively via xmllint.
      const resolved = resolveSelectorNames(parseNodeSelector(selectorText), {}, usage.defaultNamespace);
      const { xpath, namespaces } = selectorToXPath(resolved);
      const wasmDocument = XmlDocument.fromString(text);
      const compiled = XmlXPath.compile(xpath, namespaces);
      const wasmXPath = measure(Math.ceil(runs / 2), () => wasmDocument.find(compiled));
      report(`[${entries}] same selector, libxml2-wasm XPath on a parsed document`, format(wasmXPath.medianMs));
      compiled.dispose();
      wasmDocument.dispose();

      const file = join(scratch, `rl-${entries}.xml`);
      writeFileSync(file, text);
      const portable = selectorToPortableXPath(resolved);
      const xmllintRuns = entries >= 100_000 ? 5 : 10;
      const native = measure(xmllintRuns, () => execFileSync('xmllint', ['--xpath', `count(${portable})`, file]), 1);
      const nativeStart = measure(xmllintRuns, () => execFileSync('xmllint', ['--xpath', 'count(/*)', file]), 1);
      report(`[${entries}] xmllint --xpath (native libxml2: start + parse + evaluate)`, format(native.medianMs));
      report(`[${entries}] xmllint --xpath count(/*) (start + parse only)`, format(nativeStart.medianMs));
      const oursEndToEnd = measure(Math.ceil(runs / 4), () => applyXcapRequest(loadXcapDocument(text, { maxBytes: 64 * 1024 * 1024 }), { method: 'GET', usage, nodeSelector: selectorText }));
      report(`[${entries}] ours end to end (load + selector + GET)`, format(oursEndToEnd.medianMs));
      report(`[${entries}] ratio ours end to end / xmllint`, `${(oursEndToEnd.medianMs / native.medianMs).toFixed(2)}×`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

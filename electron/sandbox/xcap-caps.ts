import { applicationUsages } from '../../shared/xcap/usages/registry';
import { NS } from '../../shared/xcap/usages/namespaces';
import { escapeText } from '../../shared/xcap/xml/escape';

let cached: string | undefined;

/** The server's xcap-caps document (RFC 4825 §12), generated once from the application usage registry. */
export function xcapCapsDocument(): string {
  cached ??= generate();
  return cached;
}

function generate(): string {
  const auids = applicationUsages.filter((u) => u.auid !== 'xcap-error').map((u) => u.auid);
  const namespaces = [...new Set(Object.values(NS))];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xcap-caps xmlns="${NS.xcapCaps}">`,
    '  <auids>',
    ...auids.map((auid) => `    <auid>${escapeText(auid)}</auid>`),
    '  </auids>',
    '  <extensions/>',
    '  <namespaces>',
    ...namespaces.map((ns) => `    <namespace>${escapeText(ns)}</namespace>`),
    '  </namespaces>',
    '</xcap-caps>',
    '',
  ];
  return lines.join('\n');
}

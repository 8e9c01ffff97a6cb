/** Generated resource-lists documents for the benchmark: one list of `entries` entries. */
export function resourceListsDocument(entries: number): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">', '  <list name="friends">'];
  for (let i = 0; i < entries; i++) {
    lines.push(`    <entry uri="sip:user${i}@example.com">`, `      <display-name>User ${i}</display-name>`, '    </entry>');
  }
  lines.push('  </list>', '</resource-lists>', '');
  return lines.join('\n');
}

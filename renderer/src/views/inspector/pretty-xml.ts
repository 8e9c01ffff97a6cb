/**
 * Indents an XML body for reading. Elements whose content is only elements (and whitespace) are
 * laid out one child per line; an element with any non-whitespace text keeps its content exactly as
 * sent, on one line, so values are never altered. Null when the text does not tokenize as XML
 * (not XML, or a truncated body): show it raw then.
 */
import { tokenizeXml, type XmlToken } from './xml-tokens';

interface Node {
  readonly token: XmlToken;
  readonly children: Node[];
  close: string;
}

export function prettyXml(text: string, indent = '  '): string | null {
  const tokens = tokenizeXml(text);
  if (!tokens || !tokens.some((t) => t.kind === 'open')) return null;
  const root: Node = { token: { kind: 'other', raw: '' }, children: [], close: '' };
  const stack: Node[] = [root];
  for (const token of tokens) {
    const parent = stack[stack.length - 1];
    if (!parent) return null;
    if (token.kind === 'close') {
      const open = parent.token;
      if (stack.length === 1 || open.kind !== 'open' || open.name !== token.name) return null;
      parent.close = token.raw;
      stack.pop();
      continue;
    }
    const node: Node = { token, children: [], close: '' };
    parent.children.push(node);
    if (token.kind === 'open' && !token.selfClosing) stack.push(node);
  }
  if (stack.length !== 1) return null;
  const lines: string[] = [];
  for (const child of root.children) layout(child, 0, indent, lines);
  return lines.join('\n');
}

function layout(node: Node, depth: number, indent: string, lines: string[]): void {
  const { token } = node;
  const pad = indent.repeat(depth);
  if (token.kind === 'text') {
    if (token.raw.trim() !== '') lines.push(pad + token.raw.trim());
    return;
  }
  if (token.kind !== 'open' || token.selfClosing) {
    lines.push(pad + token.raw);
    return;
  }
  const elementOnly = node.children.every((child) => child.token.kind !== 'text' || child.token.raw.trim() === '');
  if (!elementOnly) {
    lines.push(pad + verbatim(node));
    return;
  }
  const children = node.children.filter((child) => child.token.kind !== 'text');
  if (children.length === 0) {
    lines.push(pad + token.raw + node.close);
    return;
  }
  lines.push(pad + token.raw);
  for (const child of children) layout(child, depth + 1, indent, lines);
  lines.push(pad + node.close);
}

function verbatim(node: Node): string {
  return node.token.raw + node.children.map(verbatim).join('') + node.close;
}

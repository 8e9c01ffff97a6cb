/**
 * One-time Monaco setup for the renderer. Monaco ≥ 0.56 is imported through its package `exports`:
 * `monaco-editor/editor` is the editor core with its editor features and no languages (the full
 * `monaco-editor` entry would bundle every language and language service); the XML language
 * (Monarch tokenizer, brackets, comments) comes from `monaco-editor/languages/definitions/xml/register`.
 * XML has no language worker: Monaco only needs its editor worker (diff computation, links, word
 * ranges), loaded through Vite's `?worker` so it is a same-origin module script (CSP worker-src 'self').
 *
 * `setupMonaco()` is idempotent; XmlEditor, DiffView and MergeView call it, the shell may call it
 * earlier to warm up. It registers: the theme following the OS colour scheme, and schema-aware
 * completion of element and attribute names for 'xml' models whose AUID is known (setModelAuid).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/xml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { validationClient } from '../validation/shared-client';
import { attributeSuggestions, completionContext, elementSuggestions } from './completion-context';

export { monaco };

let ready = false;
const auids = new Map<string, string | null>();

export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker({ name: 'monaco-editor' }) };
  followColorScheme();
  monaco.languages.registerCompletionItemProvider('xml', { triggerCharacters: ['<', ' ', ':'], provideCompletionItems });
  return monaco;
}

/** The AUID whose schema drives completion in `model` (null: none). */
export function setModelAuid(model: monaco.editor.ITextModel, auid: string | null): void {
  auids.set(model.uri.toString(), auid);
}

export function forgetModel(model: monaco.editor.ITextModel): void {
  auids.delete(model.uri.toString());
}

/** Light and dark themes from vs / vs-dark, with the app's background (styles.css) so the editor sits in the page. */
function followColorScheme(): void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const style = getComputedStyle(document.documentElement);
    // Monaco takes #RRGGBB only.
    const color = (name: string, fallback: string) => {
      const value = style.getPropertyValue(name).trim();
      return /^#[0-9a-f]{6}$/i.test(value) ? value : fallback;
    };
    const dark = query.matches;
    monaco.editor.defineTheme('xcap', {
      base: dark ? 'vs-dark' : 'vs',
      inherit: true,
      rules: [],
      colors: { 'editor.background': color('--bg', dark ? '#0d1117' : '#ffffff') },
    });
    monaco.editor.setTheme('xcap');
  };
  apply();
  query.addEventListener('change', apply);
}

async function provideCompletionItems(model: monaco.editor.ITextModel, position: monaco.Position): Promise<monaco.languages.CompletionList> {
  const none = { suggestions: [] };
  const auid = auids.get(model.uri.toString());
  if (!auid) return none;
  const schema = await validationClient().schemaModel(auid);
  if (!schema || model.isDisposed()) return none;
  // Only the text before the cursor matters.
  const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
  const context = completionContext(before, before.length);
  if (context.kind === 'none') return none;
  const start = model.getPositionAt(model.getOffsetAt(position) - (before.length - context.start));
  const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
  const snippet = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  if (context.kind === 'element') {
    return {
      suggestions: elementSuggestions(schema, context.stack).map((s) => ({
        label: s.label,
        kind: monaco.languages.CompletionItemKind.Class,
        detail: s.detail,
        insertText: s.label + s.required.map((name, i) => ` ${name}="$${i + 1}"`).join(''),
        insertTextRules: snippet,
        range,
      })),
    };
  }
  return {
    suggestions: attributeSuggestions(schema, context.stack, context.element, context.existing).map((a) => ({
      label: a.name,
      kind: monaco.languages.CompletionItemKind.Property,
      detail: a.required ? 'required attribute' : 'attribute',
      insertText: `${a.name}="$1"`,
      insertTextRules: snippet,
      range,
    })),
  };
}

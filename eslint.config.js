// Lint, including the layering rules of the product design:
//   shared/   pure TypeScript for both sides: no Node built-ins, no Electron, no DOM globals;
//   renderer/ never reaches into electron/ (it talks to the main process through the IPC contract only);
//   electron/ never imports renderer/ code, and only electron/main/ imports Electron itself.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Bare built-in names must match exactly (`paths`): as gitignore-style patterns, `inspector/*` would
// also match a relative `./views/inspector/…`. The `node:` forms are patterns.
const nodeBuiltinNames = [...new Set(builtinModules.filter((name) => !name.startsWith('node:')))];
const nodeBuiltins = ['node:*'];
const electronModules = ['electron', 'electron/*'];

const domGlobals = Object.keys(globals.browser)
  .filter((name) => !(name in globals.es2021) && !['TextEncoder', 'TextDecoder', 'console', 'queueMicrotask', 'structuredClone', 'setTimeout', 'clearTimeout', 'URL', 'URLSearchParams', 'performance', 'WebAssembly', 'AbortController', 'AbortSignal', 'crypto'].includes(name))
  .map((name) => ({ name, message: 'shared/ runs in Node and in the renderer: DOM globals are not available on both sides.' }));
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module', 'exports'].map((name) => ({
  name,
  message: 'shared/ runs in Node and in the renderer: Node globals are not available on both sides.',
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'renderer/dist/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of an enum.' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/test-support/**', 'shared/**/test-support.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinNames.map((name) => ({ name, message: 'shared/ must not import Node built-ins: it also runs in the renderer.' })),
        patterns: [
          { group: nodeBuiltins, message: 'shared/ must not import Node built-ins: it also runs in the renderer.' },
          { group: electronModules, message: 'shared/ must not import Electron.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on electron/ or renderer/.' },
        ],
      }],
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinNames.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' })),
        patterns: [
          { group: ['**/electron/**'], message: 'renderer/ talks to the main process only through the IPC contract in shared/ipc.' },
          { group: electronModules, message: 'renderer/ must not import Electron.' },
          { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' },
          // Like VS Code's node/electron-main split: the services run in plain Node (browser mode, CLI, tests).
          { group: electronModules, message: 'Only electron/main/ may import Electron: the rest of electron/ is plain Node.' },
        ],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' }] }],
    },
  },
);

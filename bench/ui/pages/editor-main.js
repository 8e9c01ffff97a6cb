// Entry of the editor benchmark page (built by bench/ui/editor-validation.ts with Vite). Plain
// JavaScript so the root TypeScript project (Node types only) does not type-check a browser entry.
import { mount } from 'svelte';
import EditorBench from './EditorBench.svelte';
import '../../../renderer/src/styles.css';

mount(EditorBench, { target: globalThis.document.getElementById('app') });

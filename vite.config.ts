// The renderer build: Svelte 5 + Monaco, into dist/renderer, with relative asset URLs so the same
// build loads from Electron's app:// protocol and from browser mode's HTTP server.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 8192,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  clearScreen: false,
});

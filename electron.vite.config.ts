// Builds the three Electron parts: main (+ the core worker), the sandboxed preload (CommonJS), the renderer.
// The renderer build (out/renderer) is the same one the browser host serves.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          worker: resolve('src/core/worker/worker-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // Minified: a third of the bytes to parse when the window opens (the clerk's first screen).
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});

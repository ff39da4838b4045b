// `npm run build:web`: the renderer alone (out/renderer), the same build the browser host serves and the
// end-to-end tests open — without building main and preload. Kept in step with electron.vite.config.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
  },
});

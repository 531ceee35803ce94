import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer (React) build: one static folder, dist/renderer, loaded by the Electron window from
 * disk and served by `regscope serve`. Relative asset paths so both work.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});

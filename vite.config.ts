import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite` (dev server) forwards calls and events to a running host (`npm run serve`).
const devHost = process.env.LOKET_HOST_URL ?? 'http://127.0.0.1:4700';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs so Electron can load the built files from file://.
  base: './',
  plugins: [react()],
  server: {
    proxy: {
      // Calls are POSTs; GETs under /api are the renderer's own source files (renderer/api/).
      '/api': { target: devHost, bypass: (req) => (req.method === 'POST' ? undefined : req.url) },
      '/ws': { target: devHost.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
});

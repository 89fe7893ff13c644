import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server injects inline scripts (React refresh preamble) and a HMR socket; the strict CSP in
// index.html would block them, so only `vite serve` relaxes it. Builds keep the strict policy.
function relaxCspForDevServer(): Plugin {
  return {
    name: 'loket-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

// `vite` (dev server) forwards calls and events to a running host (`npm run serve`).
const devHost = process.env.LOKET_HOST_URL ?? 'http://127.0.0.1:4700';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs so Electron can load the built files from file://.
  base: './',
  plugins: [react(), relaxCspForDevServer()],
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

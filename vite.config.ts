import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (src/server/app.ts) serves dist/web with CSP `script-src 'self'`: the build must emit
// only external module scripts, never inline ones.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // No inline module-preload polyfill script; modern browsers only (the desks run current Chromium/Edge).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: 'index.html',
      output: {
        // React changes far less often than the app: its own long-cached chunk.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 10 }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

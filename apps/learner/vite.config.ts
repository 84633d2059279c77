import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served at "/" by the API in production; in development Vite proxies /api to a local API.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}`,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The manifest lets scripts/check-bundle-budget.mjs find the home route's and locale's chunks.
    manifest: true,
  },
});

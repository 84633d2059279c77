import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served at "/studio/" by the API in production; BrowserRouter uses the matching basename.
export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  server: {
    port: 5174,
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

// The Vite settings both web apps share; each app passes only what differs.

/**
 * @param {{ base: string, devPort: number, plugins: unknown[] }} app
 *   base: the path the API serves the app at in production ('/' or '/studio/');
 *   devPort: the Vite dev server's port; plugins: the app's Vite plugins (React).
 */
export function appViteConfig({ base, devPort, plugins }) {
  return {
    base,
    plugins,
    server: {
      port: devPort,
      strictPort: true,
      // In development the API runs apart; in production it serves the app from the same origin.
      proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
    },
    build: {
      outDir: 'dist',
      sourcemap: false,
      // The manifest lets scripts/check-bundle-budget.mjs find the home route's and locale's chunks.
      manifest: true,
    },
  };
}

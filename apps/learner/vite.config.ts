import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appViteConfig } from '@archipelago/config/vite-app';

// Served at "/" by the API in production.
export default defineConfig(appViteConfig({ base: '/', devPort: 5173, plugins: [react()] }));

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appViteConfig } from '@archipelago/config/vite-app';

// Served at "/studio/" by the API in production; BrowserRouter uses the matching basename.
export default defineConfig(appViteConfig({ base: '/studio/', devPort: 5174, plugins: [react()] }));

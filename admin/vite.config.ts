import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The admin SPA: built into admin/dist (served by `npm start`), or served by Vite with the API proxied. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});

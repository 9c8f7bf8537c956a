import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // `tauri dev` loads the window from here (devUrl in src-tauri/tauri.conf.json), with hot reload.
  server: { port: 5173, strictPort: true },
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1600 },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'], globals: true },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});

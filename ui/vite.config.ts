import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1600 },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'], globals: true },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});

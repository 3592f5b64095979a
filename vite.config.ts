import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The manifest lets e2e/bundle.spec.ts and bench/ui tell the initial JavaScript from what loads on first use.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, manifest: true },
});

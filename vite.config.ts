import { defineConfig } from 'vite';

/**
 * Cross-origin isolation (SharedArrayBuffer, Atomics.wait in Workers) needs these headers on
 * every response: the dev server, `vite preview` and the built site alike.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'sucrase', 'acorn'] },
  build: {
    target: 'es2023',
    rollupOptions: { input: { main: 'index.html', run: 'run.html' } },
  },
});

import { defineConfig, type Plugin } from 'vite';
import { compileKernels } from './scripts/kernels.ts';
import { programTypesPlugin } from './scripts/program-types.ts';

/**
 * Cross-origin isolation (SharedArrayBuffer, Atomics.wait in Workers) needs these headers on
 * every response: the dev server, `vite preview` and the built site alike.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The AssemblyScript kernels, compiled from assembly/ (never committed): emitted as
 * kernels.wasm by the build, served at /kernels.wasm by the dev server.
 */
function kernels(): Plugin {
  let wasm: Promise<Uint8Array<ArrayBuffer>> | undefined;
  return {
    name: 'assemblyscript-kernels',
    configureServer(server) {
      wasm = compileKernels();
      server.middlewares.use('/kernels.wasm', (_req, res) => {
        void wasm!.then((bytes) => {
          res.setHeader('Content-Type', 'application/wasm');
          res.end(bytes);
        });
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'kernels.wasm', source: await compileKernels() });
    },
  };
}

export default defineConfig({
  plugins: [kernels(), programTypesPlugin()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'sucrase', 'acorn'] },
  build: {
    target: 'es2023',
    rollupOptions: { input: { main: 'index.html', run: 'run.html' } },
  },
});

import { defineConfig, type Plugin } from 'vite';
import { hosting } from './scripts/hosting.ts';
import { compileKernels } from './scripts/kernels.ts';
import { programTypesPlugin } from './scripts/program-types.ts';

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
  // Cross-origin isolation, CSP, _headers and the no-headers fallback: scripts/hosting.ts.
  // First, so its headers are set before another plugin's middleware answers (kernels.wasm).
  plugins: [hosting(), kernels(), programTypesPlugin()],
  // Relative URLs, so the build runs under any path (a GitHub Pages project site).
  base: './',
  worker: { format: 'es' },
  // msgpackr is imported by Worker code only, which the dependency scan does not crawl: found
  // late, it was bundled again mid-run and a page loading just then could lose its modules.
  optimizeDeps: { include: ['comlink', 'sucrase', 'acorn', 'msgpackr'] },
  build: {
    target: 'es2023',
    rollupOptions: { input: { main: 'index.html', run: 'run.html' } },
  },
});

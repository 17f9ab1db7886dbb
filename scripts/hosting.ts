/**
 * Serving the playground: every response gets the headers of src/share/headers.ts, from the
 * dev server, from `vite preview`, and on static hosts through the build's `_headers` file;
 * the build also ships coi-sw.js, the service worker that adds them where a host cannot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import {
  headersFor,
  kindOfPath,
  SERVICE_WORKER_FILE,
  staticHostHeaders,
} from '../src/share/headers.ts';

/** The built pages, and the paths static hosts also serve them at. */
const PAGES = ['/', '/index.html', '/run.html', '/run'];

export function hosting(): Plugin {
  let building = false;
  return {
    name: 'playground-hosting',
    configResolved(config) {
      building = config.command === 'build';
    },
    configureServer(server) {
      // Only the dev server honours ?isolation=off: it removes protection, never adds any.
      server.middlewares.use((req, res, next) => {
        setHeaders(req, res, true);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        setHeaders(req, res, false);
        next();
      });
    },
    buildStart() {
      if (!building) return;
      this.emitFile({
        type: 'chunk',
        id: fileURLToPath(new URL('../src/share/coi-sw.ts', import.meta.url)),
        fileName: SERVICE_WORKER_FILE,
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeaders(PAGES) });
    },
  };
}

function setHeaders(req: IncomingMessage, res: ServerResponse, honourIsolationOff: boolean) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const kind = kindOfPath(url.pathname);
  const isolate = !(honourIsolationOff && url.searchParams.get('isolation') === 'off');
  for (const [name, value] of Object.entries(headersFor(kind, isolate))) res.setHeader(name, value);
}

/**
 * The HTTP headers the playground needs, in one table read by every way it is served: the
 * dev server and `vite preview` (vite.config.ts), the `_headers` file of the static build
 * (Netlify, Cloudflare Pages), and the service worker that adds them on hosts that cannot
 * (coi-sw.ts).
 *
 * Cross-origin isolation (SharedArrayBuffer, Atomics.wait) needs, on every response:
 * - `Document-Isolation-Policy: isolate-and-require-corp`: isolates the document whatever page
 *   embeds it (Chromium 137+), so an iframe on a tutorial page that sends no headers can run
 *   programs.
 * - COOP `same-origin` + COEP `require-corp`: isolation as a top-level page in every browser,
 *   and inside embedders that are isolated themselves. With COEP on the document, every Worker
 *   script must send COEP too (else the Worker fails without a message): hence every response.
 * - CORP `cross-origin`: lets an isolated embedder load the frame and its resources.
 */

/** What a response is, for the headers it needs. */
export type ResponseKind = 'document' | 'script' | 'service-worker';

/** The fallback service worker's file, beside index.html. */
export const SERVICE_WORKER_FILE = 'coi-sw.js';

const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Document-Isolation-Policy': 'isolate-and-require-corp',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The page's policy: only what the app needs.
 * - script: its own bundle, and 'wasm-unsafe-eval' to compile the kernels (kernels.wasm).
 * - style 'unsafe-inline': Monaco and the dev server's CSS modules insert <style> elements.
 * - connect 'self': kernels.wasm; in the dev server also its HMR WebSocket ('self' covers
 *   ws: on the same host and port).
 * - worker 'self': the process Workers and Monaco's Workers come from the bundle.
 * No frame-ancestors: any page may embed the playground, that is what embeds are for.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A Worker's policy, sent with every script (a CSP on a script that is not a Worker's entry is
 * ignored, so no list of Worker files is needed). A program's Workers load the runtime from the
 * bundle, and reach nothing else: no fetch, no WebSocket, no import from another host, no
 * Worker of their own.
 * 'unsafe-eval': the runtime evaluates the compiled program, which the page sends it as text
 * (bootstrap.ts). It grants a program nothing: a program is code already.
 * connect-src data:: the kernel compiler's Binaryen instantiates a small WebAssembly helper it
 * carries as a data: URL. A data: URL holds its bytes in itself: it reaches no host.
 */
const WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  'connect-src data:',
  "worker-src 'none'",
].join('; ');

/**
 * The headers for a response of this kind. `isolate: false` leaves out the isolation headers
 * (the dev server's `?isolation=off`, to see how the page behaves where it is not isolated).
 */
export function headersFor(kind: ResponseKind, isolate = true): Record<string, string> {
  const headers = isolate ? { ...ISOLATION } : {};
  // The service worker passes the site's responses on: it must fetch, so no Worker policy.
  if (kind === 'service-worker') return headers;
  return { ...headers, 'Content-Security-Policy': kind === 'document' ? PAGE_CSP : WORKER_CSP };
}

/**
 * A page (`/`, `*.html`, or a "pretty" path without an extension, as static hosts serve
 * `run.html` at `/run`), or else a script or asset.
 */
export function kindOfPath(pathname: string): ResponseKind {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (last === SERVICE_WORKER_FILE) return 'service-worker';
  return last === '' || last.endsWith('.html') || !last.includes('.') ? 'document' : 'script';
}

/**
 * The build's `_headers` file (Netlify and Cloudflare Pages read it). Those hosts join the
 * values of rules that match the same path, so the two policies go to paths that never
 * overlap: the built pages, and `/assets/*`, where the build puts every script.
 */
export function staticHostHeaders(pages: string[]): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    block('/*', ISOLATION),
    block('/assets/*', { 'Content-Security-Policy': WORKER_CSP }),
    ...pages.map((page) => block(page, { 'Content-Security-Policy': PAGE_CSP })),
  ].join('\n\n');
}

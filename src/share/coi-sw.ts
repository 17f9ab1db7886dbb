/**
 * The fallback for static hosts that cannot set headers (GitHub Pages): a service worker that
 * adds the playground's headers (headers.ts) to every same-origin response it passes on, so
 * the page becomes cross-origin isolated from its second load on. src/share/coi.ts registers
 * it and reloads once. Built as `coi-sw.js` beside index.html (vite.config.ts), so its scope
 * is the whole site.
 *
 * Written here rather than taken from the coi-serviceworker package: the same table then
 * gives the Workers their Content-Security-Policy too, and there is one list of headers.
 */
import { headersFor, kindOfPath } from './headers';

// The few service-worker types used here (the project's lib is the DOM's, not the worker's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
declare const self: {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Chromium rejects this combination when it is passed on; let the browser handle it.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(withHeaders(request, kindOfPath(url.pathname)));
});

async function withHeaders(request: Request, kind: ReturnType<typeof kindOfPath>) {
  const response = await fetch(request);
  if (response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(headersFor(kind))) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * The page's half of the no-headers fallback (coi-sw.ts): on a host that sent no isolation
 * headers, registers the service worker and reloads once, so the page comes back through it
 * cross-origin isolated.
 */
const TRIED = 'playground:coi-reload';
/**
 * headers.ts's SERVICE_WORKER_FILE, written out: importing it would make the build share a
 * chunk between the page and the service worker, which must be one classic script.
 */
const SERVICE_WORKER_FILE = 'coi-sw.js';

/** Resolves true when the page is about to reload. */
export async function isolateThroughServiceWorker(): Promise<boolean> {
  // The dev server sends the headers itself, and does not serve coi-sw.js.
  if (crossOriginIsolated || !import.meta.env.PROD) return false;
  // In an iframe the embedding page decides; the embed offers a new tab instead.
  if (window !== window.top || !isSecureContext || !('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register(new URL(SERVICE_WORKER_FILE, document.baseURI));
    // Tried once in this tab and still not isolated: this browser will not be; no reload loop.
    if (sessionStorage.getItem(TRIED)) return false;
    sessionStorage.setItem(TRIED, '1');
    await navigator.serviceWorker.ready;
    location.reload();
    return true;
  } catch (error) {
    console.warn('The cross-origin isolation service worker could not be registered:', error);
    return false;
  }
}

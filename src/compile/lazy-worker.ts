/**
 * A compiler's Worker, started at its first request and kept warm for the next ones, reached
 * through comlink. A Worker that fails is dropped: its pending requests reject (comlink's
 * calls would otherwise wait forever) and the next request starts a new one.
 */
import * as Comlink from 'comlink';

export interface LazyWorker<Api> {
  api: Comlink.Remote<Api>;
  /** Rejects when the Worker fails (to load, or at all): race every call against it. */
  failed: Promise<never>;
}

/** `start` makes the Worker (a `new Worker(new URL(...))` that the bundler can see). */
export function lazyWorker<Api>(what: string, start: () => Worker): () => LazyWorker<Api> {
  let current: LazyWorker<Api> | undefined;
  return () => {
    if (current) return current;
    const worker = start();
    const api = Comlink.wrap<Api>(worker);
    const failed = new Promise<never>((_, reject) => {
      const fail = (message: string) => {
        if (current?.api === api) current = undefined;
        worker.terminate();
        reject(new Error(`The ${what} stopped: ${message}`));
      };
      worker.addEventListener('error', (event) =>
        fail(event.message || 'its Worker failed to load'),
      );
      worker.addEventListener('messageerror', () => fail('a message could not be read'));
    });
    failed.catch(() => {}); // reported to the requests that race it, not as unhandled
    current = { api, failed };
    return current;
  };
}

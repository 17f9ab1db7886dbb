/**
 * Takes from a program's Worker what is not the program's to use: origin-wide storage
 * (indexedDB, caches, navigator.storage: on a shared static host these hold other sites' data
 * too), BroadcastChannel (it reaches every tab of the origin), and the Worker constructors
 * (the page starts every process, DESIGN.md; a Worker of its own would escape Stop). Done
 * before the program is imported. Each name is removed from wherever the global object
 * inherits it, then defined again on the global as a getter that throws an error naming it,
 * so the program can reach the original neither by name nor through a prototype.
 * `postMessage` stays, rate-limited (channel.ts).
 */
import { PermissionError, send } from './channel';

const TAKEN = ['indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker'] as const;

export function lockDown(): void {
  for (const name of TAKEN) remove(globalThis, name, name);
  remove(navigator, 'storage', 'navigator.storage');
  // The program may still post to the page, but only at the rate channel.ts allows; the page
  // checks whatever comes (protocol.ts).
  const postMessage = (message: unknown) => send(message);
  removeFromChain(globalThis, 'postMessage');
  Object.defineProperty(globalThis, 'postMessage', { value: postMessage, configurable: false });
}

function removeFromChain(target: object, key: string): void {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, key)) delete (o as Record<string, unknown>)[key];
  }
}

function remove(target: object, key: string, shownAs: string): void {
  removeFromChain(target, key);
  Object.defineProperty(target, key, {
    configurable: false,
    enumerable: false,
    get() {
      throw new PermissionError(
        `${shownAs} is not available to a program: the playground runs programs without ` +
          'access to the site’s storage, other tabs or Workers of their own. Use the fs, queue ' +
          'and multiprocessing modules (shared memory, Process) instead.',
      );
    },
  });
}

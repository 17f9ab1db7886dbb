/**
 * Python's `threading` module. In the browser a thread is a Web Worker: truly parallel, sharing
 * no globals (shared state goes through Value/Array, queues and these primitives).
 */
export * from './sync-primitives';

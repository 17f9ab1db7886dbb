/** The synchronization primitives, exported alike by `multiprocessing` and `threading`. */
export { Lock, RLock } from '../sync/lock';
export { Semaphore, BoundedSemaphore } from '../sync/semaphore';
export { Condition } from '../sync/condition';
export { Event } from '../sync/event';
export { Barrier, BrokenBarrierError } from '../sync/barrier';

/**
 * Python's `queue` module. Its queues live in the shared heap like multiprocessing's, so
 * threads (Workers here) share them. `Queue` has taskDone()/join(), as Python's does.
 */
export { JoinableQueue as Queue, SimpleQueue, LifoQueue, PriorityQueue } from '../queue/mp-queue';
export { Empty, Full } from '../queue/errors';

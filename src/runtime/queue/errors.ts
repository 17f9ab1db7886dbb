/** The `queue` module's exceptions, which multiprocessing's queues raise too. */
export class Empty extends Error {
  override name = 'Empty';
}
export class Full extends Error {
  override name = 'Full';
}

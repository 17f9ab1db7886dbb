/** The `queue` module's exceptions, which multiprocessing's queues raise too. */
export class Empty extends Error {
  override name = 'Empty';
}
export class Full extends Error {
  override name = 'Full';
}
/** A Connection's recv after the other end closed and everything sent was read. */
export class EOFError extends Error {
  override name = 'EOFError';
}
/** A send to a Connection whose other end is closed. */
export class BrokenPipeError extends Error {
  override name = 'BrokenPipeError';
}

import { RuntimeError } from '../errors';

/** The future was cancelled before it ran: its result() raises this. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** An executor that cannot run tasks any more (a worker's initializer failed). */
export class BrokenExecutor extends RuntimeError {
  override name = 'BrokenExecutor';
}

export class BrokenThreadPool extends BrokenExecutor {
  override name = 'BrokenThreadPool';
}

export class BrokenProcessPool extends BrokenExecutor {
  override name = 'BrokenProcessPool';
}

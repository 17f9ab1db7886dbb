/**
 * Errors named as Python names them, so a traceback reads like the article's. Each message
 * says which rule was broken.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}
export class ValueError extends Error {
  override name = 'ValueError';
}
export class IndexError extends Error {
  override name = 'IndexError';
}
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
export class ProcessError extends Error {
  override name = 'ProcessError';
}
/** Python's TimeoutError (the global JS has none). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

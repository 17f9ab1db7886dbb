import { definedByName, topLevelNameOf } from '../context';
import {
  AssertionError,
  IndexError,
  ProcessError,
  RuntimeError,
  TimeoutError,
  ValueError,
} from '../errors';
import { MemoryError } from '../alloc';
import { BrokenPipeError, EOFError, Empty, Full } from '../queue/errors';
import { BrokenBarrierError } from '../sync/barrier';
import { PicklingError } from '../transfer';
import { BrokenExecutor, BrokenProcessPool, BrokenThreadPool, CancelledError } from './errors';

/**
 * A task's error on its way from the worker to the process that asked for its result, where it
 * is raised again as its own type (Python pickles the exception; here only its class travels,
 * by name). The class is the first of the error's own chain that the other side can find:
 *
 *   - a top-level class of the program (it is defined in every process), by its name there;
 *   - a runtime error (ValueError, Empty, ...), by the name it is listed under below;
 *   - a standard JS error (RangeError, TypeError, ...), by its global name.
 *
 * A class declared inside a function cannot be found elsewhere: the error comes back as the
 * nearest class above it that can, with its own name and message, and its traceback says so.
 * Names here are written out, never read from `constructor.name` (the build minifies them).
 */
export interface SentError {
  /** Where its class is found: a program's top-level class, a runtime error, a standard one. */
  kind: 'program' | 'runtime' | 'standard';
  /** The class's name in that place. */
  className: string;
  name: string;
  message: string;
  /** The worker's traceback, in the program's lines. */
  traceback: string;
  /** The error's own fields that are plain data (a program's `code`, say). */
  fields: Record<string, unknown>;
}

const RUNTIME_ERRORS: Record<string, new (message?: string) => Error> = {
  AssertionError,
  ValueError,
  IndexError,
  RuntimeError,
  ProcessError,
  TimeoutError,
  MemoryError,
  Empty,
  Full,
  EOFError,
  BrokenPipeError,
  BrokenBarrierError,
  PicklingError,
  CancelledError,
  BrokenExecutor,
  BrokenThreadPool,
  BrokenProcessPool,
};

const STANDARD_ERRORS: Record<string, new (message?: string) => Error> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

/** The listed name of `ctor` in `table`, if it is there. */
function listedName(table: Record<string, unknown>, ctor: unknown): string | null {
  for (const [name, listed] of Object.entries(table)) if (listed === ctor) return name;
  return null;
}

/** Where `ctor` can be found in another process, if anywhere. */
function placeOf(ctor: unknown): Pick<SentError, 'kind' | 'className'> | null {
  const program = topLevelNameOf(ctor);
  if (program !== null) return { kind: 'program', className: program };
  const runtime = listedName(RUNTIME_ERRORS, ctor);
  if (runtime !== null) return { kind: 'runtime', className: runtime };
  const standard = listedName(STANDARD_ERRORS, ctor);
  if (standard !== null) return { kind: 'standard', className: standard };
  return null;
}

/** `error` as it travels; `traceback` is its traceback in the worker. */
export function describeError(error: Error, traceback: string): SentError {
  let fellBack = false;
  for (let proto = Object.getPrototypeOf(error) as object | null; proto;) {
    const ctor = Object.hasOwn(proto, 'constructor')
      ? (proto as { constructor: unknown }).constructor
      : undefined;
    const place = placeOf(ctor);
    if (place) {
      const note = fellBack
        ? `\n(raised again as ${place.className}, the nearest class the other process can ` +
          `find: only the program's top-level classes and built-in errors travel by name)`
        : '';
      return { ...place, ...ownData(error), traceback: traceback + note };
    }
    fellBack = true;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return { kind: 'standard', className: 'Error', ...ownData(error), traceback };
}

function ownData(error: Error): Pick<SentError, 'name' | 'message' | 'fields'> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack') fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/**
 * The error rebuilt in this process, an instance of its class (without running the class's
 * constructor, which may want other arguments), with its name, message and fields. Its stack
 * is taken where it is raised again (raisedHere), so the caller's lines follow the task's.
 */
export function rebuildError(sent: SentError): Error {
  const ctor =
    sent.kind === 'program'
      ? definedByName(sent.className)
      : sent.kind === 'runtime'
        ? RUNTIME_ERRORS[sent.className]
        : STANDARD_ERRORS[sent.className];
  const proto = typeof ctor === 'function' ? (ctor.prototype as object) : Error.prototype;
  const error = Object.create(proto) as Error;
  Object.assign(error, sent.fields);
  for (const [key, value] of [
    ['name', sent.name],
    ['message', sent.message],
    ['remoteTraceback', sent.traceback],
  ]) {
    Object.defineProperty(error, key, { value, writable: true, configurable: true });
  }
  return raisedHere(error);
}

/** Gives `error` the stack of this call's caller, as if it were raised here (V8). */
export function raisedHere(error: Error): Error {
  // V8's, typed here: the programs' typings (no Node types) do not declare it.
  const v8 = Error as { captureStackTrace?: (e: Error, from: typeof raisedHere) => void };
  v8.captureStackTrace?.(error, raisedHere);
  return error;
}

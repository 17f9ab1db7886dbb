/**
 * The kernels a user writes (`*.as.ts` files), as the program imports them:
 * `import { sumSquares } from './kernel.as'`. The page compiled every kernel file into one
 * module (src/compile/kernel) and wrote its static data into the heap; each process (and
 * thread) instantiates the module once, over the run's shared memory, so processes share the
 * data a kernel works on while each has its own module-level globals.
 *
 * Calling convention: a parameter declared `usize` takes a SharedArray, RawArray or Value (the
 * byte address of its first element arrives) or an address as a number; numbers pass as
 * numbers, i64/u64 as bigint, bool as boolean. A wrong argument is a TypeError naming the
 * parameter, raised before the kernel runs.
 */
import { ctx } from '../context';
import { RuntimeError } from '../errors';
import { print } from '../globals';
import { kernelFileOf } from '../module-names';
import { addressOf } from '../shared-value';
import type { KernelFunction, KernelParam } from './kernel-abi';
import { perProcess } from '../process-state';

/** What a process gets of the user's kernels with its assignment. */
export interface UserKernels {
  module: WebAssembly.Module;
  /** Exported functions by file name (`kernel.as.ts`). */
  exports: Record<string, KernelFunction[]>;
}

type Exported = (...args: unknown[]) => unknown;

let instance: WebAssembly.Exports | undefined;
const modules = new Map<string, Record<string, Exported>>();
perProcess(() => {
  instance = undefined;
  modules.clear();
});

/** The module object for `./name.as` (file `name.as.ts`): its exported functions, wrapped. */
export function userKernelModule(specifier: string): Record<string, Exported> {
  const file = kernelFileOf(specifier);
  let found = modules.get(file);
  if (found) return found;
  const kernels = ctx().userKernels;
  const functions = kernels?.exports[file];
  if (!kernels || !functions)
    throw new Error(`internal: kernel file '${file}' passed the compiler but is not loaded`);
  const exports = instantiate(kernels.module);
  found = Object.fromEntries(functions.map((fn) => [fn.name, wrap(fn, exports)]));
  modules.set(file, found);
  return found;
}

function instantiate(module: WebAssembly.Module): WebAssembly.Exports {
  if (instance) return instance;
  const { heap } = ctx();
  const text = (at: number) => asString(heap.memory.buffer as ArrayBuffer, at);
  instance = new WebAssembly.Instance(module, {
    env: {
      memory: heap.memory,
      abort(message: number, file: number, line: number, column: number) {
        throw new RuntimeError(
          `kernel aborted: ${text(message) || 'abort()'} (${text(file)}:${line}:${column})`,
        );
      },
      trace(message: number, n: number, ...values: number[]) {
        print(`trace: ${text(message)}`, ...values.slice(0, n));
      },
      seed: () => Date.now(),
    },
    // Each process allocates from arenas of its own (assembly/user-runtime/arena.ts).
    playground: { arena: (bytes: number) => heap.alloc(bytes, false) },
  }).exports;
  return instance;
}

function wrap(fn: KernelFunction, exports: WebAssembly.Exports): Exported {
  const call = exports[fn.name] as Exported;
  const setArgumentsLength = exports.__setArgumentsLength as ((n: number) => void) | undefined;
  const required = fn.params.filter((p) => !p.optional).length;
  const signature = `${fn.name}(${fn.params.map((p) => p.name).join(', ')})`;
  const wrapped = (...args: unknown[]): unknown => {
    if (args.length < required || args.length > fn.params.length) {
      throw new TypeError(
        `${signature} takes ${required === fn.params.length ? required : `${required} to ${fn.params.length}`} arguments, got ${args.length}`,
      );
    }
    const passed = args.map((arg, i) => toKernel(arg, fn.params[i], signature));
    setArgumentsLength?.(passed.length);
    return fromKernel(call(...passed), fn.result.type);
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped;
}

function toKernel(arg: unknown, param: KernelParam, signature: string): unknown {
  const wrong = (expected: string) =>
    new TypeError(
      `${signature}: ${param.name} is ${param.written}, so it takes ${expected}; got ${describe(arg)}`,
    );
  switch (param.type) {
    case 'address': {
      const address = addressOf(arg);
      if (address !== null) return address;
      if (typeof arg === 'number' && Number.isInteger(arg) && arg >= 0) return arg;
      throw wrong('a SharedArray, RawArray or Value (its address in shared memory)');
    }
    case 'bigint':
      if (typeof arg === 'bigint') return arg;
      if (typeof arg === 'number' && Number.isInteger(arg)) return BigInt(arg);
      throw wrong('a bigint');
    case 'boolean':
      if (typeof arg === 'boolean' || typeof arg === 'number') return Number(arg);
      throw wrong('a boolean');
    default:
      if (typeof arg === 'number') return arg;
      throw wrong('a number');
  }
}

function fromKernel(result: unknown, type: KernelFunction['result']['type']): unknown {
  switch (type) {
    case 'void':
      return undefined;
    case 'boolean':
      return result !== 0;
    case 'address':
      return (result as number) >>> 0;
    default:
      return result;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a plain JavaScript array (not in shared memory)';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object (not in shared memory)';
  return `${typeof value} ${String(value)}`;
}

/** An AssemblyScript string at `at` (UTF-16; its byte length in the header word before it). */
function asString(buffer: ArrayBuffer, at: number): string {
  if (!at) return '';
  const bytes = new Uint32Array(buffer, at - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(buffer.slice(at, at + Math.min(bytes, 2048))));
}

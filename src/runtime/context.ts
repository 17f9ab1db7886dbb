import type { Heap } from './heap';
import type { UserKernels } from './kernels/user';
import type { OwningProcess, ProcessKind, ProgramInfo, StartMethod } from './protocol';

/**
 * What this Worker knows about the process it runs. One per Worker; set by the bootstrap
 * before the program is imported and read by every runtime module.
 */
export interface ProcessContext {
  heap: Heap;
  pid: number;
  ppid: number;
  name: string;
  parentName: string;
  /** Python's `_identity`: (1,) for Process-1, (1, 2) for its second child. */
  identity: number[];
  kind: ProcessKind;
  daemon: boolean;
  /** The process this Worker belongs to: itself, or for a thread the process that started it. */
  process: OwningProcess;
  isMain: boolean;
  program: LoadedProgram;
  /** The AssemblyScript kernels, compiled once by the page (null if kernels.wasm did not load). */
  kernels: WebAssembly.Module | null;
  /** The kernels the program's own `*.as.ts` files define, compiled by the page; null if none. */
  userKernels: UserKernels | null;
  startMethod: StartMethod;
  /** Top-level statements run here (main process, or a "spawn" child). */
  topLevel: boolean;
  /** A child is importing the program: starting a process now is the missing-guard error. */
  bootstrapping: boolean;
  /** The program's module is being evaluated (its top level is running or being skipped). */
  evaluating: boolean;
  /**
   * Objects the parent created at module level, by creation site (`line:col#occurrence`):
   * created again at the same site here, they are the same objects (as if forked).
   */
  inheritedSites: Record<string, number>;
  /** Module-level objects of this process by site, passed on to its children. */
  ownSites: Record<string, number>;
  /** Getters for the program's top-level functions and classes, by name. */
  defined: Record<string, unknown>;
  /** Children counter for default names (`Process-3`). */
  childCounter: number;
}

let current: ProcessContext | undefined;

export function setContext(context: ProcessContext): void {
  current = context;
}

export function ctx(): ProcessContext {
  if (!current) throw new Error('internal: no process context (runtime used outside a Worker)');
  return current;
}

/** The program as this Worker evaluates it: its stack frames carry `scriptName`. */
export interface LoadedProgram extends ProgramInfo {
  scriptName: string;
}

/** A top-level function or class of the program by name, or undefined. */
export function definedByName(name: string): unknown {
  try {
    return ctx().defined[name];
  } catch {
    return undefined; // a class not yet evaluated (temporal dead zone)
  }
}

/** The name under which `value` is a top-level function or class, if it is one. */
export function topLevelNameOf(value: unknown): string | null {
  if (typeof value !== 'function' || !value.name) return null;
  return definedByName(value.name) === value ? value.name : null;
}

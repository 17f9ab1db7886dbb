import type { LineRegister } from './race/line-register';

/**
 * What compiled program code calls into. The compile step emits calls on the global
 * `__pg`; the Worker bootstrap installs an object of this shape before importing the program.
 */
export const PROGRAM_GLOBAL = '__pg';

/**
 * The function the compiled program's top level runs in (compile.ts): its frames are the
 * program's `<module>`. (The script that calls it has frames named `eval`, a name no function
 * of a program can have: it runs in strict mode.)
 */
export const PROGRAM_FUNCTION = '__pgProgram';

export interface ProgramHooks {
  /** A playground module by the name the program imported it with. */
  import(name: string): unknown;
  /** Lazy getters for the program's top-level functions and classes: targets travel by name. */
  define(getters: Record<string, unknown>): void;
  /** Whether top-level statements run here: always in the main process, in children only under "spawn". */
  readonly topLevel: boolean;
  /** The line register that a program compiled with line marks keeps (race detection). */
  readonly at: LineRegister;
}

/**
 * How a program calls the kernels its own `*.as.ts` files export: what the compile step reads
 * of each exported function (src/compile/kernel/signatures.ts) and each process wraps
 * (user.ts). Kept in the runtime, which defines the calling convention.
 */

/** How a parameter or result crosses between the program and the kernel. */
export type KernelType = 'address' | 'number' | 'bigint' | 'boolean' | 'void';

export interface KernelParam {
  name: string;
  /** The AssemblyScript type as written (`usize`, `f64`). */
  written: string;
  type: KernelType;
  optional: boolean;
}

export interface KernelFunction {
  name: string;
  params: KernelParam[];
  result: { written: string; type: KernelType };
  /** 1-based line of the declaration. */
  line: number;
}

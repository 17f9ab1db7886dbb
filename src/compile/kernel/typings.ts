/**
 * What the program's editor knows of a kernel file: `kernel.as.ts` exports become declarations
 * in `kernel.as.d.ts` beside the program, so `import { sumSquares } from './kernel.as'` is
 * checked, completed and hovered with the kernel's own parameter names and types.
 */
import type { KernelFunction, KernelType } from './signatures';

const PROGRAM_TYPES: Record<KernelType, string> = {
  address: 'KernelAddress',
  number: 'number',
  bigint: 'bigint',
  boolean: 'boolean',
  void: 'void',
};

/** The declaration file for the program's view of one kernel file. */
export function kernelTypings(file: string, functions: KernelFunction[]): string {
  const lines = [
    `// The exports of ${file}, as the program calls them (generated from the kernel's source).`,
    "import type { SharedArray, Value } from 'multiprocessing';",
    "/** A usize parameter: a SharedArray, RawArray or Value (its first element's address), or an address. */",
    'type KernelAddress = SharedArray<number | bigint | string> | Value<number | bigint | string> | number;',
  ];
  for (const fn of functions) {
    const params = fn.params.map(
      (p) => `${p.name}${p.optional ? '?' : ''}: ${PROGRAM_TYPES[p.type]}`,
    );
    const result = fn.result.type === 'address' ? 'number' : PROGRAM_TYPES[fn.result.type];
    const doc = fn.params.map((p) => ` * @param ${p.name} ${p.written}`).join('\n');
    lines.push(
      `/**\n * AssemblyScript: ${fn.name}(${fn.params.map((p) => `${p.name}: ${p.written}`).join(', ')}): ${fn.result.written}${doc ? `\n${doc}` : ''}\n */`,
      `export declare function ${fn.name}(${params.join(', ')}): ${result};`,
    );
  }
  return lines.join('\n') + '\n';
}

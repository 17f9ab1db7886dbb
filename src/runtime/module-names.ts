/**
 * The modules a program can import, by the name it imports them with. Kept apart from the
 * modules themselves so the compile step can check imports without loading the runtime.
 */
export const MODULE_NAMES = [
  'multiprocessing',
  'threading',
  'queue',
  'concurrent.futures',
  'socket',
  'time',
  'os',
  'random',
  'fs',
  'kernels',
  'display',
] as const;

export type ModuleName = (typeof MODULE_NAMES)[number];

export function isModuleName(name: string): name is ModuleName {
  return (MODULE_NAMES as readonly string[]).includes(name);
}

/**
 * An import of one of the program's own AssemblyScript files: `./name.as` names the file
 * `name.as.ts` beside the program, as TypeScript resolves it.
 */
export function isKernelSpecifier(specifier: string): boolean {
  return /^\.\/[\w-]+\.as$/.test(specifier);
}

/** The file a kernel import names: `./name.as` -> `name.as.ts`. */
export function kernelFileOf(specifier: string): string {
  return `${specifier.slice(2)}.ts`;
}

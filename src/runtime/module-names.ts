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

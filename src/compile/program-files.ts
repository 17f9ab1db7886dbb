/**
 * A program's files: the program itself, `main.ts`, first, then any AssemblyScript kernel
 * files (`name.as.ts`) it imports as `./name.as`. What the editor's tabs show, links carry,
 * lessons keep and the compile step takes.
 */
export interface ProgramFile {
  name: string;
  text: string;
}

export const MAIN_FILE = 'main.ts';
/** Kernel files a program may have, beside main.ts. */
export const MAX_KERNEL_FILES = 16;

/** A kernel file's name: letters, digits, `_` and `-`, then `.as.ts`. */
export function isKernelFileName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,40}\.as\.ts$/.test(name);
}

/** Why `files` is not a program's files, or null when it is. */
export function programFilesProblem(files: readonly ProgramFile[]): string | null {
  if (files.length === 0 || files[0].name !== MAIN_FILE)
    return `the first file must be ${MAIN_FILE}`;
  const kernels = files.slice(1);
  if (kernels.length > MAX_KERNEL_FILES) return `at most ${MAX_KERNEL_FILES} kernel files`;
  const bad = kernels.find((f) => !isKernelFileName(f.name));
  if (bad) return `'${bad.name}' is not a kernel file name (name.as.ts)`;
  if (new Set(kernels.map((f) => f.name)).size < kernels.length) return 'two files share a name';
  return null;
}

/** The kernel files of a program. */
export function kernelFiles(files: readonly ProgramFile[]): ProgramFile[] {
  return files.filter((f) => f.name !== MAIN_FILE);
}

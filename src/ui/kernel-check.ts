/**
 * Checks the program's kernel files as the reader types: what main.ts sees of each (typings
 * from its exports, at once) and asc's diagnostics as markers in its tab (compiled in the
 * kernel compiler's Worker, after a pause in typing). The compiler is loaded only once a
 * program has a kernel file: a TypeScript-only program never loads it.
 */
import { kernelFiles, type ProgramFile } from '../compile/program-files';
import type { KernelDiagnostic } from '../compile/kernel/compile-kernels';
import { kernelSignatures } from '../compile/kernel/signatures';
import { kernelTypings } from '../compile/kernel/typings';
import type { Editor } from './editor';

/** A pause in typing this long compiles the kernels again. */
const PAUSE_MS = 500;

export class KernelCheck {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private typed = new Set<string>();
  /** Bumped per check, so a slow compile never marks over a newer one's result. */
  private generation = 0;

  constructor(private readonly editor: Editor) {}

  /** The files changed: typings now, a compile after a pause. */
  changed(files: ProgramFile[]): void {
    const kernels = kernelFiles(files);
    for (const name of this.typed) {
      if (!kernels.some((k) => k.name === name)) this.editor.setKernelTypings(name, null);
    }
    this.typed = new Set(kernels.map((k) => k.name));
    for (const k of kernels) {
      this.editor.setKernelTypings(
        k.name,
        kernelTypings(k.name, kernelSignatures(k.text).functions),
      );
    }
    clearTimeout(this.timer);
    if (kernels.length > 0) this.timer = setTimeout(() => void this.compile(kernels), PAUSE_MS);
  }

  private async compile(kernels: ProgramFile[]): Promise<void> {
    const generation = ++this.generation;
    const { buildKernels } = await import('../compile/kernel/kernel-compiler');
    const build = await buildKernels(kernels).catch(() => null); // a failed Worker: Run says so
    if (!build || generation !== this.generation) return;
    for (const k of kernels) {
      this.editor.setMarkers(k.name, 'kernel', markersOf(build.diagnostics, k.name));
    }
  }
}

export function markersOf(diagnostics: KernelDiagnostic[], file: string) {
  return diagnostics
    .filter((d) => d.file === file)
    .map(({ line, column, endLine, endColumn, message, severity }) => ({
      line,
      column,
      endLine,
      endColumn,
      message,
      severity,
    }));
}

/**
 * Checks the program's kernel files as the reader types: what main.ts sees of each (typings
 * from its exports, at once) and asc's diagnostics as markers in its tab (compiled in the
 * kernel compiler's Worker, after a pause in typing). The compiler is loaded only once a
 * program has a kernel file: a TypeScript-only program never loads it.
 */
import { kernelFiles, type ProgramFile } from '../compile/program-files';
import { kernelSignatures } from '../compile/kernel/signatures';
import { kernelTypings } from '../compile/kernel/typings';
import type { Editor } from './editor';

/** A pause in typing this long compiles the kernels again. */
const PAUSE_MS = 500;

export class KernelCheck {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each kernel file's text as last checked: an edit of main.ts, or of one kernel, redoes no other. */
  private checked = new Map<string, string>();
  /** Bumped per check, so a slow compile never marks over a newer one's result. */
  private generation = 0;

  constructor(private readonly editor: Editor) {}

  /** The files changed: typings now, a compile after a pause, for what changed in the kernels. */
  changed(files: ProgramFile[]): void {
    const kernels = kernelFiles(files);
    const now = new Map(kernels.map((k) => [k.name, k.text]));
    let edited = now.size !== this.checked.size;
    for (const name of this.checked.keys()) {
      if (!now.has(name)) this.editor.setKernelTypings(name, null);
    }
    for (const k of kernels) {
      if (this.checked.get(k.name) === k.text) continue;
      edited = true;
      this.editor.setKernelTypings(
        k.name,
        kernelTypings(k.name, kernelSignatures(k.text).functions),
      );
    }
    this.checked = now;
    if (!edited) return;
    clearTimeout(this.timer);
    if (kernels.length > 0) this.timer = setTimeout(() => void this.compile(kernels), PAUSE_MS);
  }

  private async compile(kernels: ProgramFile[]): Promise<void> {
    const generation = ++this.generation;
    const { buildKernels } = await import('../compile/kernel/kernel-compiler');
    const build = await buildKernels(kernels).catch(() => null); // a failed Worker: Run says so
    if (!build || generation !== this.generation) return;
    for (const k of kernels) {
      this.editor.setMarkers(
        k.name,
        'kernel',
        build.diagnostics.filter((d) => d.file === k.name),
      );
    }
  }
}

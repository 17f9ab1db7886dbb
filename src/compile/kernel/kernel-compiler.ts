/**
 * The page's end of the kernel compiler (kernel-compiler-worker.ts). Results are kept by the
 * content of the files, so a second Run without edits, or the editor's check of a file it has
 * seen, does not compile again; the binary is compiled to a WebAssembly.Module once, here, and
 * that Module goes to every process of a run.
 */
import { CompileError } from '../compile-error';
import { lazyWorker } from '../lazy-worker';
import type { KernelDiagnostic, KernelCompileResult, SourceFile } from './compile-kernels';
import type { KernelCompilerApi } from './kernel-compiler-worker';
import type { DataSegment } from './wasm-data';
import type { KernelFunction } from './signatures';

/** Kernels ready to run: the module every process instantiates, and what the page writes first. */
export interface ReadyKernels {
  module: WebAssembly.Module;
  segments: DataSegment[];
  exports: Record<string, KernelFunction[]>;
}

export type KernelBuild =
  | { ok: true; kernels: ReadyKernels; diagnostics: KernelDiagnostic[] }
  | { ok: false; diagnostics: KernelDiagnostic[] };

/** Builds kept, newest last; a few are enough for the files being edited. */
const KEPT = 16;
const builds = new Map<string, Promise<KernelBuild>>();

const worker = lazyWorker<KernelCompilerApi>(
  'kernel compiler',
  () =>
    new Worker(new URL('./kernel-compiler-worker.ts', import.meta.url), {
      type: 'module',
      name: 'kernel-compiler',
    }),
);

/** The kernels of `files` compiled (or the build kept from an earlier call with the same files). */
export async function buildKernels(files: SourceFile[]): Promise<KernelBuild> {
  const key = await contentKey(files);
  let build = builds.get(key);
  if (!build) {
    build = compile(files);
    builds.set(key, build);
    build.catch(() => builds.delete(key)); // a failed Worker is no result to keep
  } else {
    builds.delete(key); // move it to the newest place
    builds.set(key, build);
  }
  while (builds.size > KEPT) builds.delete(builds.keys().next().value!);
  return build;
}

async function compile(files: SourceFile[]): Promise<KernelBuild> {
  const { api, failed } = worker();
  const result: KernelCompileResult = await Promise.race([api.compile(files), failed]);
  if (!result.ok) return result;
  const { wasm, segments, exports } = result.kernels;
  const module = await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
  return { ok: true, kernels: { module, segments, exports }, diagnostics: result.diagnostics };
}

/**
 * The program's kernels ready to run (null when it has no kernel file); a CompileError at the
 * first error asc reported, in its file, when they do not compile.
 */
export async function readyKernels(files: SourceFile[]): Promise<ReadyKernels | null> {
  if (files.length === 0) return null;
  const build = await buildKernels(files);
  if (build.ok) return build.kernels;
  const error = build.diagnostics.find((d) => d.severity === 'error') ?? build.diagnostics[0];
  const text = files.find((f) => f.name === error.file)?.text ?? '';
  throw new CompileError(error.message, error.file, error.line, error.column, text, 'KernelError');
}

/** The names each kernel file exports, as the program's compile step checks its imports. */
export function exportedNames(kernels: ReadyKernels | null): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(kernels?.exports ?? {}).map(([file, fns]) => [file, fns.map((f) => f.name)]),
  );
}

/** SHA-256 of the files' names and texts. */
async function contentKey(files: SourceFile[]): Promise<string> {
  const text = JSON.stringify([...files].sort((a, b) => a.name.localeCompare(b.name)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

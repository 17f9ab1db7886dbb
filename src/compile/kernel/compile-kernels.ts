/**
 * Compiles the AssemblyScript files of a program into one WebAssembly module that every
 * process of a run can instantiate over the run's shared memory. Runs wherever `asc` can: in
 * the page's kernel-compiler Worker, and in Node for the unit tests.
 *
 * What makes a user's kernel safe on one shared memory:
 * - its static data sits in [USER_KERNEL_DATA, KERNEL_RESERVED), apart from the built-in
 *   kernels' and below the runtime's words, and is written once per run (wasm-data.ts);
 * - it allocates from arenas of its own process (assembly/user-runtime/arena.ts);
 * - its module-level globals are WebAssembly globals: one set per process.
 */
import asc from 'assemblyscript/asc';
import arenaRuntime from '../../../assembly/user-runtime/arena.ts?raw';
import { HEAP_PAGES, KERNEL_RESERVED, USER_KERNEL_DATA } from '../../runtime/layout';
import { kernelSignatures, type KernelFunction } from './signatures';
import { splitDataSegments, type DataSegment } from './wasm-data';

/** A file of the program: `kernel.as.ts` and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

/** A message about a place in a kernel file (1-based lines and columns), as the editor marks it. */
export interface KernelDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface CompiledKernels {
  /** The module's binary, without its static data. */
  wasm: Uint8Array;
  /** The static data, for the page to write into the heap once per run. */
  segments: DataSegment[];
  /** What each file exports, by file name. */
  exports: Record<string, KernelFunction[]>;
}

export type KernelCompileResult =
  | { ok: true; kernels: CompiledKernels; diagnostics: KernelDiagnostic[] }
  | { ok: false; diagnostics: KernelDiagnostic[] };

const RUNTIME_FILE = 'playground-arena.ts';
/** asc's DiagnosticCategory values. */
const WARNING = 2;
const ERROR = 3;

/** What a kernel may import: the host functions AssemblyScript's own code calls. */
const HOST_IMPORTS = new Set([
  'env.memory',
  'env.abort',
  'env.trace',
  'env.seed',
  'playground.arena',
]);

export const KERNEL_FLAGS = [
  '-O3',
  '--runtime',
  `./${RUNTIME_FILE.replace(/\.ts$/, '')}`,
  '--importMemory',
  '--sharedMemory',
  '--initialMemory',
  String(HEAP_PAGES),
  '--maximumMemory',
  String(HEAP_PAGES),
  '--memoryBase',
  String(USER_KERNEL_DATA),
  '--enable',
  'threads,simd',
];

export async function compileKernelFiles(files: SourceFile[]): Promise<KernelCompileResult> {
  const texts = new Map(files.map((f) => [f.name, f.text]));
  const diagnostics: KernelDiagnostic[] = [];
  const exports: Record<string, KernelFunction[]> = {};
  for (const file of files) {
    const { functions, problems } = kernelSignatures(file.text);
    exports[file.name] = functions;
    for (const p of problems) diagnostics.push(at(file.name, p.line, p.column, p.message));
  }
  let binary: Uint8Array | undefined;
  const { error } = await asc.main(
    [...files.map((f) => f.name), '--outFile', 'kernels.wasm', ...KERNEL_FLAGS],
    {
      readFile: (name) =>
        name === RUNTIME_FILE || name === `./${RUNTIME_FILE}`
          ? arenaRuntime
          : (texts.get(name.replace(/^\.\//, '')) ?? null),
      writeFile: (name, contents) => {
        if (name.endsWith('.wasm')) binary = contents as Uint8Array;
      },
      listFiles: () => [],
      stdout: silent(),
      stderr: silent(),
      reportDiagnostic: (d) => {
        const file = d.range?.source.normalizedPath.replace(/^\.\//, '') ?? '';
        if (!texts.has(file) && d.category !== ERROR) return; // the library's own notes
        diagnostics.push(fromAsc(d, texts));
      },
    },
  );
  if (error || !binary || diagnostics.some((d) => d.severity === 'error')) {
    if (!diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(at(files[0]?.name ?? '', 1, 1, error?.message ?? 'did not compile'));
    return { ok: false, diagnostics };
  }
  const { code, segments } = splitDataSegments(binary);
  const end = Math.max(USER_KERNEL_DATA, ...segments.map((s) => s.offset + s.bytes.length));
  if (end > KERNEL_RESERVED) {
    diagnostics.push(
      at(
        files[0].name,
        1,
        1,
        `the kernels' static data takes ${end - USER_KERNEL_DATA} bytes; at most ${KERNEL_RESERVED - USER_KERNEL_DATA} fit`,
      ),
    );
    return { ok: false, diagnostics };
  }
  const module = new WebAssembly.Module(code as Uint8Array<ArrayBuffer>);
  for (const imported of WebAssembly.Module.imports(module)) {
    const name = `${imported.module}.${imported.name}`;
    if (HOST_IMPORTS.has(name)) continue;
    diagnostics.push(
      at(
        files[0].name,
        1,
        1,
        `the kernel imports ${name}, which the playground does not provide (a kernel cannot call JavaScript)`,
      ),
    );
    return { ok: false, diagnostics };
  }
  return { ok: true, kernels: { wasm: code, segments, exports }, diagnostics };
}

/** A diagnostic of asc's, placed in the user's file. */
function fromAsc(
  d: {
    category: number;
    message: string;
    code: number;
    range: { start: number; end: number; source: { normalizedPath: string } } | null;
  },
  texts: Map<string, string>,
): KernelDiagnostic {
  const severity = d.category === ERROR ? 'error' : d.category === WARNING ? 'warning' : 'info';
  const file = d.range?.source.normalizedPath.replace(/^\.\//, '') ?? '';
  const text = texts.get(file) ?? '';
  const start = lineColumn(text, d.range?.start ?? 0);
  const end = lineColumn(text, d.range?.end ?? 0);
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    severity,
    message: `${d.message} (AS${d.code})`,
  };
}

function at(file: string, line: number, column: number, message: string): KernelDiagnostic {
  return { file, line, column, endLine: line, endColumn: column + 1, severity: 'error', message };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function silent() {
  return { write: () => true } as unknown as never;
}

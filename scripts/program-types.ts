/**
 * Type declarations of the modules a program can import, generated from the runtime's own
 * sources (never written twice): the editor gets them for completion, hover docs and type
 * errors, keyed by the paths it loads them at.
 */
import path from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { MODULE_NAMES } from '../src/runtime/module-names.ts';

const RUNTIME = 'src/runtime';
/** Where the editor's TypeScript finds the declarations (a virtual folder). */
export const TYPES_ROOT = 'file:///playground/';

export interface ProgramTypes {
  /** Declaration files by their path under TYPES_ROOT (`runtime/modules/time.d.ts`). */
  files: Record<string, string>;
  /** The options a program is checked with: a Worker's globals, the modules mapped by name. */
  compilerOptions: ts.CompilerOptions;
}

/** The source file a module is implemented in: 'concurrent.futures' -> concurrent-futures.ts. */
export function moduleSource(name: string): string {
  return `${RUNTIME}/modules/${name.replace('.', '-')}.ts`;
}

export function programTypes(root = process.cwd()): ProgramTypes {
  const runtime = path.join(root, RUNTIME);
  const globals = path.join(runtime, 'program-globals.d.ts');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2024.d.ts', 'lib.esnext.disposable.d.ts', 'lib.webworker.d.ts'],
    types: [],
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    skipLibCheck: true,
    rootDir: runtime,
    outDir: '/out',
  };
  const roots = [...MODULE_NAMES.map((name) => path.join(root, moduleSource(name))), globals];
  const files: Record<string, string> = {};
  const host = ts.createCompilerHost(options);
  host.writeFile = (fileName, text) => {
    files[`runtime/${path.relative('/out', fileName).split(path.sep).join('/')}`] = text;
  };
  const result = ts.createProgram(roots, options, host).emit();
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(ts.formatDiagnostics(errors, host));
  }
  files['runtime/program-globals.d.ts'] = ts.sys.readFile(globals)!;
  const paths = Object.fromEntries(
    MODULE_NAMES.map((name) => [
      name,
      [moduleSource(name).replace(`${RUNTIME}/`, 'runtime/').replace(/\.ts$/, '.d.ts')],
    ]),
  );
  const programOptions = ts.convertCompilerOptionsFromJson(
    {
      target: 'ESNext',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ESNext', 'WebWorker'],
      types: [],
      strict: true,
      noEmit: true,
      baseUrl: TYPES_ROOT,
      paths,
    },
    '/',
  );
  return { files, compilerOptions: programOptions.options };
}

const VIRTUAL = 'virtual:program-types';

/** Serves programTypes() as `virtual:program-types` (the editor's chunk imports it). */
export function programTypesPlugin(): Plugin {
  return {
    name: 'program-types',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      // Regenerated on each load, so an edited runtime reaches the editor on reload.
      for (const file of ts.sys.readDirectory(path.resolve(RUNTIME))) this.addWatchFile(file);
      return `export default ${JSON.stringify(programTypes())};`;
    },
  };
}

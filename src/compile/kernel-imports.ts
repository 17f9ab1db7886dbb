/**
 * A program's imports of its own kernel files (`./name.as`), checked against what those files
 * export: a file that is not there, or a name it does not export, is an ImportError at the
 * import, as a module the playground does not have is.
 */
import type * as estree from 'estree';
import { isKernelSpecifier, kernelFileOf } from '../runtime/module-names';
import { CompileError } from './compile-error';

/** Each kernel file's exported names, by file name (`squares.as.ts`). */
export type KernelExportNames = Record<string, string[]>;

export function checkKernelImports(
  program: estree.Program,
  kernels: KernelExportNames,
  source: string,
  fileName: string,
): void {
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration') continue;
    const specifier = String(node.source.value);
    if (!isKernelSpecifier(specifier)) continue;
    const file = kernelFileOf(specifier);
    const fail = (message: string, at: estree.Node) =>
      new CompileError(
        message,
        fileName,
        at.loc?.start.line ?? 1,
        (at.loc?.start.column ?? 0) + 1,
        source,
        'ImportError',
      );
    const exported = kernels[file];
    if (!exported) {
      const files = Object.keys(kernels);
      throw fail(
        `No kernel file '${file}' for '${specifier}'. ` +
          (files.length
            ? `The program's kernel files: ${files.join(', ')}.`
            : 'Add it with the + tab.'),
        node.source,
      );
    }
    for (const spec of node.specifiers) {
      if (spec.type !== 'ImportSpecifier') continue;
      const name =
        spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      if (!exported.includes(name)) {
        throw fail(
          `'${name}' is not exported by ${file} (it exports: ${exported.join(', ') || 'nothing'}).`,
          spec,
        );
      }
    }
  }
}

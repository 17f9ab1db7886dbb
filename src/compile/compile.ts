import { transform } from 'sucrase';
import { parse, type Options } from 'acorn';
import type * as estree from 'estree';
import { MODULE_NAMES, isKernelSpecifier, isModuleName } from '../runtime/module-names';
import { PROGRAM_FUNCTION, PROGRAM_GLOBAL } from '../runtime/program-abi';
import { CompileError } from './compile-error';
import { checkKernelImports, type KernelExportNames } from './kernel-imports';
import { applyEdits, type Edit } from './edits';
import { LINE_REGISTER, lineMarks } from './line-marks';
import { namedConstructionSites } from './sites';

/** A program ready to load in a Worker, with the same line numbers as its source. */
export interface CompiledProgram {
  fileName: string;
  source: string;
  /**
   * A JavaScript script whose value is the promise of the program's top level (an async
   * function called at once, so top-level `await` works); line N is the program's line N.
   * A Worker evaluates it (runtime/bootstrap.ts) instead of importing a module: importing
   * a blob URL afresh for every process was most of a process's start.
   */
  code: string;
  /** Top-level functions and classes: the names a child process finds its target by. */
  topLevelNames: string[];
  /** `"line:column"` of each `new X(...)` whose result is stored under a name, to that name. */
  sites: Record<string, string>;
}

export interface CompileOptions {
  /** Keep the runtime told which line runs (line-marks.ts), for race reports. */
  lineMarks?: boolean;
}

const ACORN: Options = { ecmaVersion: 'latest', sourceType: 'module', locations: true };

/**
 * TypeScript program -> runnable module. Types are stripped (sucrase: fast, keeps lines),
 * imports of playground modules are bound to the runtime, and top-level statements that are
 * not declarations are guarded so a "fork" child evaluates declarations only.
 */
export function compile(
  source: string,
  fileName = 'main.ts',
  kernels: KernelExportNames = {},
  options: CompileOptions = {},
): CompiledProgram {
  const stripped = stripTypes(source, fileName);
  const ast = parseJs(stripped, source, fileName);
  checkKernelImports(ast, kernels, source, fileName);
  const top: TopEdits = { edits: [], closes: [] };
  const topLevelNames: string[] = [];
  for (const statement of ast.body) {
    rewriteTopLevel(statement, stripped, top, topLevelNames, source, fileName);
  }
  // A guard opens before, and closes after, the line marks at its statement's ends.
  const marks = options.lineMarks ? lineMarks(ast) : [];
  const edits = [...top.edits, ...marks, ...top.closes];
  const defines = topLevelNames.map((n) => `get ${n}() { return ${n}; }`).join(', ');
  const register = options.lineMarks ? `const ${LINE_REGISTER} = ${PROGRAM_GLOBAL}.at; ` : '';
  const prefix = `"use strict"; (async function ${PROGRAM_FUNCTION}() { ${register}${PROGRAM_GLOBAL}.define({ ${defines} }); `;
  const edited = applyEdits(stripped, edits);
  // On a line of its own: the program's last line may end in a comment.
  const code = `${prefix}${edited.text}\n})()`;
  const sites = relocateSites(namedConstructionSites(ast), stripped, code, (offset) => {
    return prefix.length + edited.offsetOf(offset);
  });
  return { fileName, source, code, topLevelNames, sites };
}

/**
 * Sites found in the stripped code, keyed by where they are in the compiled code (the runtime
 * reads line:column from the stack of the code that runs). Found in the AST already parsed, so
 * the compiled code is never parsed again: the edits keep lines, and `offsetOf` says how far
 * they moved each column.
 */
function relocateSites(
  sites: Record<string, string>,
  from: string,
  to: string,
  offsetOf: (offset: number) => number,
): Record<string, string> {
  const fromLines = lineStarts(from);
  const toLines = lineStarts(to);
  const moved: Record<string, string> = {};
  for (const [place, name] of Object.entries(sites)) {
    const [line, column] = place.split(':').map(Number);
    const offset = offsetOf(fromLines[line - 1] + column - 1);
    if (offset < toLines[line - 1] || offset >= (toLines[line] ?? Infinity)) {
      throw new Error('internal: an edit moved a construction to another line');
    }
    moved[`${line}:${offset - toLines[line - 1] + 1}`] = name;
  }
  return moved;
}

/** The offset of each line's first character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function stripTypes(source: string, fileName: string): string {
  try {
    return transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      // Kept so an unknown module is reported even when unused; `import type` is still dropped.
      keepUnusedImports: true,
      filePath: fileName,
    }).code;
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const { line, column } = err.loc ?? { line: 1, column: 1 };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CompileError(message, fileName, line, column, source); // sucrase counts from 1
  }
}

function parseJs(code: string, source: string, fileName: string): estree.Program {
  try {
    return parse(code, ACORN) as unknown as estree.Program;
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const { line, column } = err.loc ?? { line: 1, column: 0 };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CompileError(message, fileName, line, column + 1, source); // acorn counts from 0
  }
}

type Located = estree.Node & { start: number; end: number };

/** The top level's edits; `closes` end the guards, after any other edit at their places. */
interface TopEdits {
  edits: Edit[];
  closes: Edit[];
}

function rewriteTopLevel(
  node: estree.Node,
  code: string,
  top: TopEdits,
  names: string[],
  source: string,
  fileName: string,
): void {
  const at = node as Located;
  switch (node.type) {
    case 'ImportDeclaration':
      top.edits.push({ start: at.start, end: at.end, text: bindImport(node, source, fileName) });
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      if (node.id) names.push(node.id.name);
      return;
    case 'VariableDeclaration':
    case 'EmptyStatement':
      return;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration': {
      // A program is not a library: `export` is dropped and the declaration kept.
      const inner = node.declaration as Located | null | undefined;
      if (!inner) {
        top.edits.push({ start: at.start, end: at.end, text: '' });
        return;
      }
      top.edits.push({ start: at.start, end: inner.start, text: '' });
      if (inner.type.endsWith('Declaration')) {
        rewriteTopLevel(inner, code, top, names, source, fileName);
      } else {
        guard(inner, top);
      }
      return;
    }
    case 'ExpressionStatement':
      if (isEnumInitialiser(node)) return;
      guard(at, top);
      return;
    default:
      guard(at, top);
  }
}

/** Wraps a statement so it runs only where top-level statements run (same line, no new lines). */
function guard(node: Located, top: TopEdits): void {
  top.edits.push({
    start: node.start,
    end: node.start,
    text: `if (${PROGRAM_GLOBAL}.topLevel) { `,
  });
  top.closes.push({ start: node.end, end: node.end, text: ' }' });
}

/** sucrase turns `enum E {}` into `var E; (function (E) {...})(E || (E = {}));`: a declaration. */
function isEnumInitialiser(node: estree.ExpressionStatement): boolean {
  const call = node.expression;
  if (call.type !== 'CallExpression' || call.callee.type !== 'FunctionExpression') return false;
  const arg = call.arguments[0];
  return arg?.type === 'LogicalExpression' && arg.operator === '||';
}

function bindImport(node: estree.ImportDeclaration, source: string, fileName: string): string {
  const name = String(node.source.value);
  if (!isModuleName(name) && !isKernelSpecifier(name)) {
    const line = node.loc?.start.line ?? 1;
    throw new CompileError(
      `No module named '${name}'. A program can import: ${MODULE_NAMES.join(', ')}.`,
      fileName,
      line,
      (node.source.loc?.start.column ?? 0) + 1,
      source,
      'ImportError',
    );
  }
  const from = `${PROGRAM_GLOBAL}.import(${JSON.stringify(name)})`;
  const named: string[] = [];
  const parts: string[] = [];
  for (const spec of node.specifiers) {
    if (spec.type === 'ImportSpecifier') {
      const imported =
        spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
      named.push(
        imported === spec.local.name ? imported : `${String(imported)}: ${spec.local.name}`,
      );
    } else {
      // `import * as time from 'time'` and `import time from 'time'` both bind the module.
      parts.push(`const ${spec.local.name} = ${from};`);
    }
  }
  if (named.length > 0) parts.push(`const { ${named.join(', ')} } = ${from};`);
  return parts.join(' ');
}

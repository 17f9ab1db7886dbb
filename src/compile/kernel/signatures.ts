import type { KernelFunction, KernelType } from '../../runtime/kernels/kernel-abi';

export type { KernelFunction, KernelParam, KernelType } from '../../runtime/kernels/kernel-abi';

/**
 * The functions a user's AssemblyScript file exports, read from its source: what the program
 * may call, and how each argument crosses from JavaScript (see KernelType). A kernel takes and
 * returns numbers and addresses only; anything else (a string, an array, a class) cannot cross
 * without the AssemblyScript loader's glue, so it is refused with the rule.
 */

/** A source position with a message (a declaration that cannot be exported to the program). */
export interface SignatureProblem {
  line: number;
  column: number;
  message: string;
}

const TYPES: Record<string, KernelType> = {
  usize: 'address',
  isize: 'address',
  i8: 'number',
  u8: 'number',
  i16: 'number',
  u16: 'number',
  i32: 'number',
  u32: 'number',
  f32: 'number',
  f64: 'number',
  i64: 'bigint',
  u64: 'bigint',
  bool: 'boolean',
  void: 'void',
};

/** The exported functions of `source`, and the exports that break the rule. */
export function kernelSignatures(source: string): {
  functions: KernelFunction[];
  problems: SignatureProblem[];
} {
  const code = blankCommentsAndStrings(source);
  const functions: KernelFunction[] = [];
  const problems: SignatureProblem[] = [];
  const declaration = /\bexport\s+function\s+([A-Za-z_$][\w$]*)\s*(<[^(]*>)?\s*\(/g;
  for (let match; (match = declaration.exec(code));) {
    const [, name, generic] = match;
    const at = positionOf(code, match.index);
    if (generic) {
      problems.push({
        ...at,
        message: `exported function '${name}' is generic: export a concrete one`,
      });
      continue;
    }
    const open = match.index + match[0].length - 1;
    const close = matchingParen(code, open);
    if (close < 0) continue; // asc reports the syntax error
    const params = splitTopLevel(code.slice(open + 1, close)).map(parseParam);
    const after = code.slice(close + 1).match(/^\s*:\s*([^{;]+?)\s*[{;]/);
    const resultWritten = after ? after[1] : 'void';
    const fn: KernelFunction = {
      name,
      params: params.map((p) => ({ ...p, type: TYPES[p.written] ?? 'void' })),
      result: { written: resultWritten, type: TYPES[resultWritten] ?? 'void' },
      line: at.line,
    };
    const bad = params.find((p) => !(p.written in TYPES) || p.written === 'void');
    if (bad) {
      problems.push({
        ...at,
        message:
          `'${name}' takes ${bad.name}: ${bad.written || 'an untyped value'}; a kernel called ` +
          'from the program takes numbers (i32, f64, i64, bool ...) and addresses (usize) only',
      });
    } else if (!(resultWritten in TYPES)) {
      problems.push({
        ...at,
        message:
          `'${name}' returns ${resultWritten}; a kernel called from the program returns a ` +
          'number, a bool, an address (usize) or nothing: write results into shared memory',
      });
    } else {
      functions.push(fn);
    }
  }
  return { functions, problems };
}

function parseParam(text: string): { name: string; written: string; optional: boolean } {
  const m = text.trim().match(/^([A-Za-z_$][\w$]*)\s*(\?)?\s*(?::\s*([^=]+?))?\s*(=.*)?$/s);
  if (!m) return { name: text.trim(), written: '', optional: false };
  return { name: m[1], written: (m[3] ?? '').trim(), optional: Boolean(m[2] || m[4]) };
}

/** Splits a parameter list at its top-level commas. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if ('(<[{'.includes(c)) depth++;
    else if (')>]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  if (list.slice(start).trim()) parts.push(list.slice(start));
  return parts.filter((p) => p.trim());
}

function matchingParen(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Comments and string contents as spaces, so positions and line numbers stay. */
function blankCommentsAndStrings(source: string): string {
  return source.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|(["'`])(?:\\[\s\S]|(?!\1)[^\\])*\1/g, (text) =>
    text.replace(/[^\n]/g, ' '),
  );
}

function positionOf(code: string, index: number): { line: number; column: number } {
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** What a CompileError says, as plain data: how it crosses from the compiler Worker. */
export interface CompileErrorData {
  kind: CompileErrorKind;
  message: string;
  fileName: string;
  line: number;
  column: number;
}

/** KernelError: AssemblyScript's compiler refused a kernel file (its message and code). */
export type CompileErrorKind = 'SyntaxError' | 'ImportError' | 'KernelError';

/**
 * A program that cannot run: a syntax error or a bad import. It carries the program's own
 * line and column (1-based) so the editor and the console can point at it.
 */
export class CompileError extends Error {
  override name: CompileErrorKind = 'SyntaxError';

  constructor(
    message: string,
    readonly fileName: string,
    readonly line: number,
    readonly column: number,
    readonly source: string,
    kind: CompileErrorKind = 'SyntaxError',
  ) {
    super(message);
    this.name = kind;
  }

  /** The error rebuilt on the page from the Worker's data and the source the page sent. */
  static fromData(data: CompileErrorData, source: string): CompileError {
    const { message, fileName, line, column, kind } = data;
    return new CompileError(message, fileName, line, column, source, kind);
  }

  toData(): CompileErrorData {
    const { message, fileName, line, column } = this;
    return { kind: this.name, message, fileName, line, column };
  }

  /** Python-style report: where, the offending line, a caret under the column. */
  format(): string {
    const text = this.source.split('\n')[this.line - 1] ?? '';
    const caret = ' '.repeat(Math.max(0, this.column - 1)) + '^';
    return [
      `  File "${this.fileName}", line ${this.line}, column ${this.column}`,
      `    ${text}`,
      `    ${caret}`,
      `${this.name}: ${this.message}`,
    ].join('\n');
  }
}

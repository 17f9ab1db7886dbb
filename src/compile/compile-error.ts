/**
 * A program that cannot run: a syntax error or a bad import. It carries the program's own
 * line and column (1-based) so the editor and the console can point at it.
 */
export class CompileError extends Error {
  override name = 'SyntaxError';

  constructor(
    message: string,
    readonly fileName: string,
    readonly line: number,
    readonly column: number,
    readonly source: string,
    kind: 'SyntaxError' | 'ImportError' = 'SyntaxError',
  ) {
    super(message);
    this.name = kind;
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

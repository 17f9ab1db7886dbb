import { perProcess } from '../process-state';

/**
 * The program line running now in this Worker, kept by the marks the compile step adds when a
 * run detects races (src/compile/line-marks.ts): a shared access reads it to say where it is.
 */
export const programLine = {
  line: 0,
  /** A call's value, with the line set back to the caller's once the callee has returned. */
  back<T>(value: T, line: number): T {
    this.line = line;
    return value;
  },
};
export type LineRegister = typeof programLine;
perProcess(() => (programLine.line = 0));

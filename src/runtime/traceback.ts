import type { LoadedProgram } from './context';
import { PROGRAM_FUNCTION } from './program-abi';

interface Frame {
  fn: string;
  line: number;
}

/**
 * Python-style traceback of an uncaught error, with the program's own line numbers: the
 * compiled program keeps every line where the source had it, so a stack frame's line in the
 * program's script is the line in the editor. Runtime frames are left out; the innermost
 * program frame is where the program called into the runtime.
 */
export function formatTraceback(error: unknown, program: LoadedProgram): string {
  if (!(error instanceof Error)) return `Uncaught: ${String(error)}`;
  // An error raised again from a task shows the task's own traceback first, as Python does.
  const remote = (error as { remoteTraceback?: string }).remoteTraceback;
  const cause = remote
    ? `${remote}\n\nThe above exception was the direct cause of the following exception:\n\n`
    : '';
  return cause + localTraceback(error, program);
}

function localTraceback(error: Error, program: LoadedProgram): string {
  const frames = programFrames(error.stack ?? '', program.scriptName);
  const lines = program.source.split('\n');
  const out = ['Traceback (most recent call last):'];
  for (const frame of frames.reverse()) {
    out.push(`  File "${program.fileName}", line ${frame.line}, in ${frame.fn}`);
    const text = lines[frame.line - 1]?.trim();
    if (text) out.push(`    ${text}`);
  }
  out.push(`${error.name}: ${error.message}`);
  return out.join('\n');
}

/** The program's line where `error` was thrown or where the program called what threw. */
export function errorLine(error: unknown, program: LoadedProgram): number | null {
  if (!(error instanceof Error)) return null;
  return programFrames(error.stack ?? '', program.scriptName)[0]?.line ?? null;
}

const FRAME = /^\s*at (?:(.*?) \()?(.*):(\d+):(\d+)\)?$/;

function programFrames(stack: string, scriptName: string): Frame[] {
  const frames: Frame[] = [];
  for (const text of stack.split('\n')) {
    const m = FRAME.exec(text);
    if (!m || m[2] !== scriptName) continue;
    const fn = (m[1] ?? '').replace(/^async /, '').replace(/^new /, '');
    if (fn === 'eval') continue; // the script calling the program's function
    frames.push({ fn: fn === '' || fn === PROGRAM_FUNCTION ? '<module>' : fn, line: Number(m[3]) });
  }
  return frames;
}

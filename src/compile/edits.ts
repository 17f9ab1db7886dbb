/** One change to a text: replace [start, end) with `text` (an insert when start === end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A text after edits, and the way back from its original's offsets to its own. */
export interface EditedText {
  text: string;
  /** Where the character at `offset` of the original text is now (not one an edit replaced). */
  offsetOf(offset: number): number;
}

/**
 * Applies edits that do not overlap, in one pass over the text (linear in its length plus the
 * edits' texts: a program of thousands of guarded statements has thousands of edits). Edits at
 * the same place apply in the order given. A replacement keeps as many line breaks as the text
 * it replaces, so every line of the program keeps its number (errors then point at the
 * program's own lines without a source map lookup).
 */
export function applyEdits(code: string, edits: readonly Edit[]): EditedText {
  // Array.prototype.sort is stable, so inserts at one place keep their given order.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  // ends[i]: where sorted[i] ends in the original; shifts[i]: how far text after it moved.
  const ends: number[] = [];
  const shifts: number[] = [];
  let copiedUpTo = 0;
  let shift = 0;
  for (const { start, end, text } of sorted) {
    if (start < copiedUpTo || end < start) throw new Error('internal: edits overlap');
    const removedBreaks = countBreaks(code, start, end);
    const addedBreaks = countBreaks(text, 0, text.length);
    if (addedBreaks > removedBreaks) throw new Error('internal: an edit would move lines');
    const padding = '\n'.repeat(removedBreaks - addedBreaks);
    parts.push(code.slice(copiedUpTo, start), text, padding);
    copiedUpTo = end;
    shift += text.length + padding.length - (end - start);
    ends.push(end);
    shifts.push(shift);
  }
  parts.push(code.slice(copiedUpTo));
  return {
    text: parts.join(''),
    offsetOf(offset) {
      const i = lastAtOrBefore(ends, offset);
      return offset + (i < 0 ? 0 : shifts[i]);
    },
  };
}

/** The index of the last value <= `target` in ascending `values`, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length; // the answer is below high
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

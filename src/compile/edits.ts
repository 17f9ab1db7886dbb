/** One change to a text: replace [start, end) with `text` (an insert when start === end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits that do not overlap. A replacement keeps as many line breaks as the text it
 * replaces, so every line of the program keeps its number (errors then point at the
 * program's own lines without a source map lookup).
 */
export function applyEdits(code: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = code;
  for (const { start, end, text } of sorted) {
    const removedBreaks = countBreaks(code.slice(start, end));
    const addedBreaks = countBreaks(text);
    if (addedBreaks > removedBreaks) throw new Error('internal: an edit would move lines');
    out = out.slice(0, start) + text + '\n'.repeat(removedBreaks - addedBreaks) + out.slice(end);
  }
  return out;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

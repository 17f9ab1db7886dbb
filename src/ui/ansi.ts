/**
 * ANSI colour codes in program output (the seeds print `\033[35m...\033[0m`) as styled text
 * runs. anser parses the SGR codes; colours become CSS classes, so both themes can pick them.
 */
import Anser from 'anser';

export interface Run {
  text: string;
  /** CSS classes for the run's colours and weight (`ansi-magenta`, `ansi-green-bg`, `ansi-bold`). */
  classes: string[];
}

export function ansiRuns(line: string): Run[] {
  if (!line.includes('\x1b[')) return [{ text: line, classes: [] }];
  return Anser.ansiToJson(line, { use_classes: true, remove_empty: true }).map((entry) => ({
    text: entry.content,
    classes: [
      ...(entry.fg ? [entry.fg] : []),
      ...(entry.bg ? [`${entry.bg}-bg`] : []),
      ...entry.decorations.map((d) => `ansi-${d}`),
    ],
  }));
}

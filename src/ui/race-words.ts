/** The page's words for a run's data races: the editor's line marks and the timeline's moments. */
import { t, tf, type WordKey } from './i18n';
import type { LineMark } from './monaco-setup';
import type { RaceLine, RaceMoment, RaceRole } from './race-marks';

const HEADINGS: Record<RaceRole, WordKey> = {
  current: 'raceCurrentLine',
  previous: 'racePreviousLine',
  both: 'raceBothLine',
};

/** How the editor marks a line races name; hovering it shows every report that names it. */
export function raceLineMark({ line, role, reports }: RaceLine): LineMark {
  return {
    line,
    lineClass: 'race-line',
    glyphClass: `race-glyph race-${role}`,
    ruler: '#cf222e',
    hover: () => ({ heading: t(HEADINGS[role]), detail: reports.join('\n\n') }),
  };
}

/** "data race: write at line 3 (the later access)"; line 0 is none the runtime could name. */
export function raceMomentText({ line, write, later }: RaceMoment): string {
  const access = t(write ? 'raceWrite' : 'raceRead');
  const moment = tf(line > 0 ? 'raceMoment' : 'raceMomentNoLine', { access, line });
  return moment + t(later ? 'raceLater' : 'raceEarlier');
}

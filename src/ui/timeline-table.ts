import type { ProcessActivity } from '../host/activity';
import { t, worded, type WordKey } from './i18n';
import { stateText } from './process-table';
import type { RaceMoment } from './race-marks';
import { raceMomentText } from './race-words';

/** Rows at most: a hot lock loop makes thousands of stretches; zooming in reaches the rest. */
const MAX_ROWS = 300;

const COLUMNS: WordKey[] = ['process', 'state', 'startMs', 'endMs'];

const ms = (at: number) => String(Math.round(at));

/**
 * The timeline's stretches as a table, for screen readers: the canvas shows them to the eye
 * only, so this table is visually hidden. One row per stretch in the visible time range
 * (zooming narrows it): process, state (what it waited for, when blocked), start and end in
 * ms since the run started. A data race's accesses in that range come first (they are what
 * such a run is about; at most 40 a run), each as a row whose start and end are its moment.
 */
export class TimelineTable {
  private readonly caption: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  /** What the table shows now: rebuilt only when this changes (it is asked every 100 ms). */
  private shown = '';

  constructor(parent: HTMLElement) {
    const table = document.createElement('table');
    table.className = 'timeline-table visually-hidden';
    this.caption = table.createCaption();
    const head = table.createTHead().insertRow();
    for (const word of COLUMNS) {
      const th = worded(document.createElement('th'), word);
      th.scope = 'col';
      head.append(th);
    }
    this.body = table.createTBody();
    parent.append(table);
  }

  /**
   * Shows the race moments and stretches of `rows` in `[from, to]`; `now` ends those still
   * open.
   */
  show(
    rows: ProcessActivity[],
    now: number,
    [from, to]: [number, number],
    races: readonly RaceMoment[],
  ): void {
    const cells: string[][] = races
      .filter((race) => from <= race.t && race.t <= to)
      .map((race) => [`${race.name} ${race.pid}`, raceMomentText(race), ms(race.t), ms(race.t)]);
    const raceRows = cells.length;
    let inView = 0;
    for (const row of rows) {
      for (const span of row.spans) {
        if ((span.to ?? now) < from || span.from > to) continue;
        inView++;
        if (cells.length === raceRows + MAX_ROWS) continue;
        cells.push([
          `${row.info.name} ${row.info.pid}`,
          stateText({ ...row, state: span.state, on: span.on }),
          ms(span.from),
          span.to === null ? t('stillGoing') : ms(span.to),
        ]);
      }
    }
    const caption =
      inView > cells.length - raceRows
        ? `${t('timelineTable')} ${cells.length - raceRows} / ${inView} ${t('zoomForRest')}`
        : t('timelineTable');
    const shown = JSON.stringify([caption, cells]);
    if (shown === this.shown) return;
    this.shown = shown;
    this.caption.textContent = caption;
    this.body.replaceChildren(
      ...cells.map((texts) => {
        const tr = document.createElement('tr');
        for (const text of texts) tr.insertCell().textContent = text;
        return tr;
      }),
    );
  }
}

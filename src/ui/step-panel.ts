/**
 * Step mode's elements (step-mode.ts drives them): the toolbar's Step, Fine steps and Find a
 * failing schedule; the panel above the console with its status, progress, the list of live
 * processes (who may take the next step, who waits) and its buttons.
 */
import { PAGE_SCHEDULES } from './explore-page';
import { t, tf, worded, type WordKey } from './i18n';

/** One live process as the list shows it. */
export interface StepRow {
  pid: number;
  name: string;
  /** Its console colour (console-view.ts). */
  colour: string;
  /** What it is about to do (ready), or what it waits for (not ready). */
  what: string;
  /** It waits at a point: it can take the turn. */
  ready: boolean;
  /** The schedule being replayed gives it this turn. */
  scheduled: boolean;
}

/** Rows past this one have no number key (1-9). */
const KEYED = 9;

/**
 * The list: a button per process that can take the step (its number is its key), a line per
 * blocked one. Keeps the focus on the same process across redraws, so a keyboard user can
 * press Enter again and again.
 */
export class StepList {
  readonly element: HTMLOListElement;
  private rows: StepRow[] = [];

  constructor(private readonly picked: (pid: number) => void) {
    this.element = document.createElement('ol');
    this.element.className = 'step-processes';
  }

  show(rows: StepRow[]): void {
    const focused = this.element.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.pid
      : undefined;
    this.rows = rows;
    this.element.replaceChildren(...rows.map((row, i) => this.item(row, i)));
    if (focused === undefined) return;
    const again =
      this.element.querySelector<HTMLElement>(`button[data-pid="${focused}"]`) ??
      this.element.querySelector<HTMLElement>('button');
    again?.focus({ preventScroll: true });
  }

  /** The process of number key `key` ('1'-'9'), if it can take the step. */
  byKey(key: string): number | null {
    const row = /^[1-9]$/.test(key) ? this.rows[Number(key) - 1] : undefined;
    return row?.ready ? row.pid : null;
  }

  private item(row: StepRow, index: number): HTMLLIElement {
    const li = document.createElement('li');
    li.className = row.ready ? 'step-ready' : 'step-blocked';
    if (row.scheduled) li.classList.add('step-scheduled');
    const key = index < KEYED ? String(index + 1) : '';
    const name = document.createElement('span');
    name.className = 'step-name';
    name.style.color = row.colour;
    name.textContent = `${row.name} ${row.pid}`;
    const what = document.createElement('span');
    what.className = 'step-what';
    what.textContent = row.what;
    const parts: Node[] = [name, what];
    if (row.scheduled) {
      const badge = document.createElement('span');
      badge.className = 'step-badge';
      badge.textContent = t('stepScheduled');
      parts.push(badge);
    }
    if (!row.ready) {
      li.append(...parts);
      return li;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.pid = String(row.pid);
    button.setAttribute('aria-keyshortcuts', key);
    button.title = key ? tf('stepPickTitle', { key }) : '';
    const keyBadge = document.createElement('kbd');
    keyBadge.textContent = key;
    keyBadge.setAttribute('aria-hidden', 'true');
    button.append(keyBadge, ...parts);
    button.addEventListener('click', () => this.picked(row.pid));
    li.append(button);
    return li;
  }
}

/** The toolbar's tools and the panel, made once; their words follow the page's language. */
export class StepView {
  readonly step = button('step', 'stepTitle');
  readonly fine = document.createElement('input');
  readonly find = button('findFailing', 'findFailingTitle');
  readonly panel = document.createElement('section');
  readonly status = document.createElement('p');
  readonly progress = document.createElement('progress');
  readonly list: StepList;
  readonly next = button('stepNext', 'stepNextTitle');
  readonly free = button('stepRunFreely', 'stepRunFreelyTitle');
  readonly undo = button('stepUndo', 'stepUndoTitle');
  readonly replay = button('replaySchedule', 'replayScheduleTitle');

  constructor(toolbar: HTMLElement, panelParent: HTMLElement, picked: (pid: number) => void) {
    const tools = document.createElement('span');
    tools.className = 'step-tools';
    const fineLabel = document.createElement('label');
    fineLabel.dataset.i18nTitle = 'fineStepsTitle';
    fineLabel.title = t('fineStepsTitle');
    this.fine.type = 'checkbox';
    fineLabel.append(this.fine, worded(document.createElement('span'), 'fineSteps'));
    tools.append(this.step, fineLabel, this.find);
    const races = toolbar.querySelector('#races');
    if (races) races.after(tools);
    else toolbar.append(tools);

    this.panel.className = 'step-panel';
    this.panel.dataset.i18nLabel = 'stepPanel';
    this.panel.setAttribute('aria-label', t('stepPanel'));
    this.panel.hidden = true;
    this.status.className = 'step-status';
    this.status.setAttribute('role', 'status');
    this.progress.max = PAGE_SCHEDULES;
    this.progress.dataset.i18nLabel = 'schedulesTried';
    this.progress.setAttribute('aria-label', t('schedulesTried'));
    this.list = new StepList(picked);
    const controls = document.createElement('div');
    controls.className = 'step-controls';
    controls.append(this.next, this.free, this.undo, this.replay);
    this.panel.append(this.status, this.progress, this.list.element, controls);
    panelParent.prepend(this.panel);
  }

  /** Gives `element` other words (Run freely or Play to the end). */
  reword(element: HTMLElement, key: WordKey): void {
    element.dataset.i18n = key;
    element.textContent = t(key);
  }
}

function button(text: WordKey, title: WordKey): HTMLButtonElement {
  const element = worded(document.createElement('button'), text, title);
  element.type = 'button';
  return element;
}

/** Editor marks are CSS classes: one per console colour, made when first needed. */
const colourClasses = new Map<string, string>();
let colourSheet: CSSStyleSheet | null = null;

/** The class that gives a step mark `colour` (a CSS colour, as the console's tags have). */
export function colourClass(colour: string): string {
  let name = colourClasses.get(colour);
  if (name) return name;
  name = `step-colour-${colourClasses.size}`;
  colourClasses.set(colour, name);
  if (!colourSheet) {
    colourSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, colourSheet];
  }
  colourSheet.insertRule(
    `.step-line.${name} { background: color-mix(in srgb, ${colour} 18%, transparent); }`,
  );
  colourSheet.insertRule(`.step-glyph.${name} { background: ${colour}; }`);
  return name;
}

/** Step mode's list of the live processes: who may take the next step, and who waits. */
import { t, tf } from './i18n';

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

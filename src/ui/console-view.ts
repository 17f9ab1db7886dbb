import {
  Virtualizer,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
} from '@tanstack/virtual-core';
import type { RunEvent } from '../host/run-events';
import { ansiRuns } from './ansi';
import { t } from './i18n';

/** Process tags' colours, each 4.5:1 or more on the console's background in its theme. */
const PALETTE = [
  'light-dark(#1d4ed8, #60a5fa)',
  'light-dark(#c2410c, #fb923c)',
  'light-dark(#15803d, #4ade80)',
  'light-dark(#9333ea, #c084fc)',
  'light-dark(#b45309, #fbbf24)',
  'light-dark(#0f766e, #2dd4bf)',
  'light-dark(#be185d, #f472b6)',
  'light-dark(#4d7c0f, #a3e635)',
];

interface Line {
  /** null for the playground's own lines (run summary, compile error, deadlock report). */
  pid: number | null;
  name: string;
  kind: 'stdout' | 'stderr' | 'info' | 'error';
  /** ms since the run started */
  t: number | null;
  text: string;
}

/**
 * The run's output: one row per line, tagged `[name pid]` and coloured per process, ANSI
 * colours shown as colours. Output is always text (textContent), never HTML: a program that
 * prints markup shows the characters. Lines arrive in batches drawn once a frame, and only
 * the rows in view exist (a virtual list), so 100,000 lines do not freeze the page. The view
 * follows new lines until the reader scrolls up, and can show one process, timestamps, and
 * copy everything.
 */
export class ConsoleView {
  private readonly lines: Line[] = [];
  /** Indexes into `lines` of the rows shown (all, or one process's). */
  private shown: number[] = [];
  private only: number | null = null;
  private timestamps = false;
  private follow = true;
  private frame = 0;
  private rows = new Map<number, HTMLElement>();
  private readonly colours = new Map<number, string>();
  private readonly list: HTMLElement;
  private readonly inner: HTMLElement;
  private readonly filter: HTMLSelectElement;
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;

  constructor(root: HTMLElement) {
    root.classList.add('console-view');
    root.innerHTML = `
      <div class="console-tools">
        <select class="console-filter" data-i18n-label="showProcess"></select>
        <label><input type="checkbox" class="console-timestamps" /> <span data-i18n="timestamps"></span></label>
        <button type="button" class="console-copy" data-i18n="copyAll"></button>
      </div>
      <div class="console" role="log" tabindex="0" data-i18n-label="console"><div class="console-rows"></div></div>`;
    this.list = root.querySelector<HTMLElement>('.console')!;
    this.inner = root.querySelector<HTMLElement>('.console-rows')!;
    this.filter = root.querySelector<HTMLSelectElement>('.console-filter')!;
    this.filter.append(new Option(t('allProcesses'), ''));
    this.filter.addEventListener('change', () => {
      this.only = this.filter.value ? Number(this.filter.value) : null;
      this.reshow();
    });
    root.querySelector<HTMLInputElement>('.console-timestamps')!.addEventListener('change', (e) => {
      this.timestamps = (e.target as HTMLInputElement).checked;
      this.reshow();
    });
    const copy = root.querySelector<HTMLButtonElement>('.console-copy')!;
    copy.addEventListener('click', () => {
      void navigator.clipboard.writeText(this.text()).then(() => {
        copy.textContent = t('copied');
        setTimeout(() => (copy.textContent = t('copyAll')), 1500);
      });
    });
    this.list.addEventListener('scroll', () => {
      this.follow = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 8;
    });
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.list,
      estimateSize: () => 19,
      overscan: 10,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      measureElement,
      getItemKey: (index) => this.shown[index],
      onChange: () => this.schedule(),
    });
    this.virtualizer._didMount();
    this.virtualizer._willUpdate();
  }

  clear(): void {
    this.lines.length = 0;
    this.colours.clear();
    this.only = null;
    this.filter.replaceChildren(new Option(t('allProcesses'), ''));
    this.follow = true;
    this.reshow();
  }

  /** A line from the playground itself (run summary, compile error). */
  system(text: string, kind: 'info' | 'error' = 'info'): void {
    this.add({ pid: null, name: '', kind, t: null, text });
  }

  show(event: RunEvent): void {
    if (event.type === 'output') {
      const { pid, name, stream, text } = event;
      this.add({ pid, name, kind: stream, t: event.t, text });
    } else if (event.type === 'process' && !this.colours.has(event.info.pid)) {
      const { pid, name } = event.info;
      this.colour(pid);
      this.filter.append(new Option(`[${name} ${pid}]`, String(pid)));
    } else if (event.type === 'deadlock') {
      this.system(event.report.text, 'error');
    } else if (event.type === 'end') {
      const seconds = (event.durationMs / 1000).toFixed(2);
      const how =
        event.reason === 'exit'
          ? `exit code ${event.exitCode}`
          : event.reason === 'timeout'
            ? 'stopped: time limit'
            : event.reason === 'deadlock'
              ? 'deadlock'
              : 'stopped';
      this.system(`— ${how} · ${seconds} s —`, event.exitCode ? 'error' : 'info');
    }
  }

  /** Every shown line as plain text, as Copy all copies it. */
  text(): string {
    return this.shown.map((i) => this.plain(this.lines[i])).join('\n');
  }

  private add(line: Line): void {
    this.lines.push(line);
    if (this.only === null || line.pid === this.only || line.pid === null)
      this.shown.push(this.lines.length - 1);
    this.schedule();
  }

  /** Rebuilds the shown rows after the filter or the timestamps changed. */
  private reshow(): void {
    this.shown = this.lines.flatMap((line, i) =>
      this.only === null || line.pid === this.only || line.pid === null ? [i] : [],
    );
    this.rows.clear();
    this.inner.replaceChildren();
    this.schedule();
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  /**
   * Shows the rows in view. A row already shown stays in the page, untouched unless a line
   * above it was measured anew, so a frame lays out only the rows that came into view (a line
   * or two while a program prints at a reading pace; a flood replaces them all, a view's worth
   * and the overscan). Rows are positioned by `top`, not a transform, which would give each
   * one a paint layer of its own. They stay in line order, as a screen reader reads them.
   */
  private draw(): void {
    this.frame = 0;
    if (this.virtualizer.options.count !== this.shown.length) {
      this.virtualizer.setOptions({ ...this.virtualizer.options, count: this.shown.length });
      this.virtualizer._willUpdate();
    }
    this.inner.style.height = `${this.virtualizer.getTotalSize()}px`;
    const rows = new Map<number, HTMLElement>();
    const added: HTMLElement[] = [];
    let before: HTMLElement | null = null;
    for (const item of this.virtualizer.getVirtualItems()) {
      const index = this.shown[item.index];
      let row = this.rows.get(index);
      if (!row) {
        row = this.row(this.lines[index]);
        row.dataset.index = String(item.index);
        if (before) before.after(row);
        else this.inner.prepend(row);
        added.push(row);
      }
      const top = `${item.start}px`;
      if (row.style.top !== top) row.style.top = top;
      rows.set(index, row);
      before = row;
    }
    for (const [index, row] of this.rows) if (!rows.has(index)) row.remove();
    this.rows = rows;
    for (const row of added) this.virtualizer.measureElement(row);
    if (this.follow) this.list.scrollTop = this.list.scrollHeight;
  }

  private row(line: Line): HTMLElement {
    const row = document.createElement('div');
    if (line.pid === null) {
      row.className = `line system ${line.kind}`;
      row.textContent = line.text;
      return row;
    }
    row.className = `line ${line.kind}`;
    row.dataset.pid = String(line.pid);
    if (this.timestamps && line.t !== null) {
      const time = document.createElement('span');
      time.className = 'time';
      time.textContent = stamp(line.t);
      row.append(time);
    }
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.style.color = this.colour(line.pid);
    tag.textContent = `[${line.name} ${line.pid}]`;
    row.append(tag);
    const text = document.createElement('span');
    text.className = 'text';
    for (const run of ansiRuns(line.text)) {
      if (run.classes.length === 0) {
        text.append(run.text);
      } else {
        const span = document.createElement('span');
        span.className = run.classes.join(' ');
        span.textContent = run.text;
        text.append(span);
      }
    }
    row.append(text);
    return row;
  }

  private plain(line: Line): string {
    const text = ansiRuns(line.text)
      .map((r) => r.text)
      .join('');
    if (line.pid === null) return text;
    const time = this.timestamps && line.t !== null ? `${stamp(line.t)} ` : '';
    return `${time}[${line.name} ${line.pid}] ${text}`;
  }

  /** A process's colour: its tag's here, and its marks elsewhere (step mode). */
  colour(pid: number): string {
    let colour = this.colours.get(pid);
    if (!colour) {
      colour = PALETTE[this.colours.size % PALETTE.length];
      this.colours.set(pid, colour);
    }
    return colour;
  }
}

/** Seconds since the run started, aligned: `   1.234`. */
function stamp(ms: number): string {
  return (ms / 1000).toFixed(3).padStart(8);
}

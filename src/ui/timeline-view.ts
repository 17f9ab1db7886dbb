import type { ProcessActivity, Span } from '../host/activity';
import { stateText } from './process-table';
import type { RaceMoment } from './race-marks';
import { raceMomentText } from './race-words';
import { TimelineTable } from './timeline-table';

const LANE = 22;
const AXIS = 20;
/** Half the width of a race's diamond, and how near the pointer must come to name it (px). */
const RACE_SIZE = 5;

/** A tick step of 1, 2 or 5 times a power of ten ms, giving about `count` ticks over `range`. */
function tickStep(range: number, count: number): number {
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? 10 * power;
}

const label = (ms: number, step: number) =>
  step >= 1000 ? `${ms / 1000}s` : step >= 1 ? `${Math.round(ms)}ms` : `${ms.toFixed(2)}ms`;

/**
 * One lane per process showing when it ran, slept, waited to start and was blocked, drawn on
 * a canvas from the activity log. The wheel zooms around the pointer, dragging pans, the
 * buttons zoom and pan for keyboard users; hovering a stretch says what the process waited for.
 * A data race's two accesses are diamonds on their lanes: filled for the access that completed
 * it, hollow for the earlier one; hovering one names its line. Screen readers read the same
 * stretches and races from a hidden table (timeline-table.ts) instead.
 */
export class TimelineView {
  private rows: ProcessActivity[] = [];
  private now = 0;
  /** The visible time range in ms; null: the whole run. */
  private range: [number, number] | null = null;
  private cycle = new Set<number>();
  private races: RaceMoment[] = [];
  private readonly raceLegend: HTMLElement;
  private readonly lanes: HTMLOListElement;
  private readonly plot: HTMLElement;
  /** The plot's width, kept when it resizes: read at each refresh it forced a layout. */
  private plotWidth = 0;
  private readonly canvas: HTMLCanvasElement;
  private readonly tip: HTMLElement;
  private readonly table: TimelineTable;
  private drag: { x: number; range: [number, number] } | null = null;

  constructor(root: HTMLElement) {
    root.innerHTML = `
      <div class="timeline-tools">
        <button type="button" data-zoom="in" data-i18n-label="zoomIn" data-i18n-title="zoomIn">+</button>
        <button type="button" data-zoom="out" data-i18n-label="zoomOut" data-i18n-title="zoomOut">−</button>
        <button type="button" data-zoom="fit" data-i18n="zoomFit"></button>
        <button type="button" data-pan="-1" data-i18n-label="panEarlier" data-i18n-title="panEarlier">←</button>
        <button type="button" data-pan="1" data-i18n-label="panLater" data-i18n-title="panLater">→</button>
        <span class="timeline-legend">
          <i class="running"></i><span data-i18n="runningState"></span>
          <i class="blocked"></i><span data-i18n="blocked"></span>
          <i class="sleeping"></i><span data-i18n="sleeping"></span>
          <i class="starting"></i><span data-i18n="starting"></span>
          <span class="race-legend" hidden><i class="race"></i><span data-i18n="dataRace"></span></span>
        </span>
      </div>
      <div class="timeline-body" aria-hidden="true">
        <ol class="timeline-lanes"></ol>
        <div class="timeline-plot"><canvas></canvas><div class="timeline-tip" role="tooltip" hidden></div></div>
      </div>`;
    this.lanes = root.querySelector('ol')!;
    this.plot = root.querySelector('.timeline-plot')!;
    this.canvas = root.querySelector('canvas')!;
    this.tip = root.querySelector('.timeline-tip')!;
    this.raceLegend = root.querySelector('.race-legend')!;
    this.table = new TimelineTable(root);
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.addEventListener('click', () => {
        const zoom = button.dataset.zoom;
        if (zoom === 'fit') this.range = null;
        else {
          const [from, to] = this.visible();
          this.zoom((from + to) / 2, zoom === 'in' ? 0.5 : 2);
        }
        this.draw();
      });
    }
    // Dragging's keyboard twin: half the visible range earlier or later.
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-pan]')) {
      button.addEventListener('click', () => {
        const [from, to] = this.visible();
        const shift = ((to - from) / 2) * Number(button.dataset.pan);
        this.range = [from + shift, to + shift];
        this.draw();
      });
    }
    this.canvas.addEventListener('wheel', (event) => {
      event.preventDefault();
      this.zoom(this.timeAt(event.offsetX), event.deltaY < 0 ? 1 / 1.25 : 1.25);
      this.draw();
    });
    this.canvas.addEventListener('pointerdown', (event) => {
      this.drag = { x: event.offsetX, range: this.visible() };
      this.canvas.setPointerCapture(event.pointerId);
    });
    this.canvas.addEventListener('pointerup', () => (this.drag = null));
    this.canvas.addEventListener('pointermove', (event) => this.hover(event));
    this.canvas.addEventListener('pointerleave', () => (this.tip.hidden = true));
    new ResizeObserver(() => {
      this.plotWidth = this.plot.clientWidth;
      this.draw();
    }).observe(this.plot);
  }

  clear(): void {
    this.range = null;
    this.cycle.clear();
    this.races = [];
    this.raceLegend.hidden = true;
    this.update([], 0);
  }

  markCycle(pids: number[]): void {
    this.cycle = new Set(pids);
  }

  /** Marks a race's moments (drawn from the next update on, when their lanes are there). */
  markRace(moments: RaceMoment[]): void {
    this.races.push(...moments);
    this.raceLegend.hidden = false;
  }

  /** New state of every process; `now` (ms since the start) ends the spans still open. */
  update(rows: ProcessActivity[], now: number): void {
    this.rows = rows;
    this.now = now;
    this.lanes.replaceChildren(
      ...rows.map((row) => {
        const li = document.createElement('li');
        li.dataset.lane = String(row.info.pid);
        li.textContent = `${row.info.name} ${row.info.pid}`;
        if (this.cycle.has(row.info.pid)) li.classList.add('in-cycle');
        return li;
      }),
    );
    this.draw();
  }

  private visible(): [number, number] {
    return this.range ?? [0, Math.max(this.now, 1)];
  }

  private zoom(at: number, factor: number): void {
    const [from, to] = this.visible();
    const width = Math.max((to - from) * factor, 0.01);
    const start = at - (at - from) * factor;
    this.range = [start, start + width];
  }

  private timeAt(x: number): number {
    const [from, to] = this.visible();
    return from + (x / this.plotWidth) * (to - from);
  }

  private draw(): void {
    this.table.show(this.rows, this.now, this.visible(), this.races);
    const width = this.plotWidth;
    const height = AXIS + this.rows.length * LANE;
    const ratio = devicePixelRatio;
    // Resizing a canvas reallocates it: only when its size changed; else it is cleared.
    const [w, h] = [Math.max(1, Math.floor(width * ratio)), Math.floor(height * ratio)];
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvas.style.height = `${height}px`;
    }
    const g = this.canvas.getContext('2d');
    if (!g || width === 0) return;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const colour = (name: string) => this.colour(name);
    const [from, to] = this.visible();
    const scale = width / (to - from);
    const x = (ms: number) => (ms - from) * scale;

    g.fillStyle = colour('axis');
    g.strokeStyle = colour('grid');
    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    const step = tickStep(to - from, Math.max(2, width / 90));
    for (let ms = Math.ceil(from / step) * step; ms <= to; ms += step) {
      g.fillText(label(ms, step), x(ms) + 3, AXIS / 2);
      g.beginPath();
      g.moveTo(Math.round(x(ms)) + 0.5, AXIS - 4);
      g.lineTo(Math.round(x(ms)) + 0.5, height);
      g.stroke();
    }
    this.rows.forEach((row, lane) => {
      const top = AXIS + lane * LANE + 4;
      for (const span of row.spans) {
        const end = span.to ?? this.now;
        if (end < from || span.from > to) continue;
        const left = Math.max(0, x(span.from));
        g.fillStyle = colour(span.state);
        g.fillRect(left, top, Math.max(1, Math.min(width, x(end)) - left), LANE - 8);
      }
    });
    this.drawRaces(g, x);
  }

  /**
   * Each race's accesses on their lanes: the later one a filled diamond, the earlier a hollow
   * one, edged in the background's colour so that they show on any stretch.
   */
  private drawRaces(g: CanvasRenderingContext2D, x: (ms: number) => number): void {
    const race = this.colour('race');
    const edge = this.colour('race-edge');
    for (const moment of this.races) {
      const lane = this.rows.findIndex((row) => row.info.pid === moment.pid);
      if (lane < 0) continue;
      const [cx, cy] = [x(moment.t), AXIS + lane * LANE + LANE / 2];
      g.beginPath();
      g.moveTo(cx, cy - RACE_SIZE);
      g.lineTo(cx + RACE_SIZE, cy);
      g.lineTo(cx, cy + RACE_SIZE);
      g.lineTo(cx - RACE_SIZE, cy);
      g.closePath();
      g.lineWidth = 4;
      g.strokeStyle = edge;
      g.stroke();
      g.fillStyle = moment.later ? race : edge;
      g.fill();
      if (moment.later) continue;
      g.lineWidth = 2;
      g.strokeStyle = race;
      g.stroke();
    }
  }

  /** What `row`'s lane shows at `offsetX`: a race's access drawn there, else the stretch. */
  private describe(row: ProcessActivity, offsetX: number): string | null {
    const at = this.timeAt(offsetX);
    const [from, to] = this.visible();
    const near = ((RACE_SIZE + 2) / this.plotWidth) * (to - from);
    const race = this.races.find((m) => m.pid === row.info.pid && Math.abs(m.t - at) <= near);
    if (race) return `${raceMomentText(race)} · ${Math.round(race.t)} ms`;
    const span = row.spans.find((s: Span) => s.from <= at && at <= (s.to ?? this.now));
    if (!span) return null;
    const state = stateText({ ...row, state: span.state, on: span.on });
    const end = span.to === null ? '…' : `${Math.round(span.to)}`;
    return `${state} · ${Math.round(span.from)}–${end} ms`;
  }

  /**
   * A `--tl-*` colour as the canvas needs it: the variables hold `light-dark()`, which only an
   * element's computed `color` resolves for the current theme.
   */
  private colour(name: string): string {
    this.tip.style.color = `var(--tl-${name})`;
    const resolved = getComputedStyle(this.tip).color;
    this.tip.style.color = '';
    return resolved;
  }

  private hover(event: PointerEvent): void {
    if (this.drag) {
      const [from, to] = this.drag.range;
      const shift = ((event.offsetX - this.drag.x) / this.plotWidth) * (to - from);
      this.range = [from - shift, to - shift];
      this.draw();
      return;
    }
    const row = this.rows[Math.floor((event.offsetY - AXIS) / LANE)];
    const text = row && this.describe(row, event.offsetX);
    this.tip.hidden = !text;
    if (!row || !text) return;
    this.tip.textContent = `${row.info.name} ${row.info.pid} · ${text}`;
    this.tip.style.left = `${Math.min(event.offsetX + 12, this.plotWidth - 200)}px`;
    this.tip.style.top = `${event.offsetY + 12}px`;
  }
}

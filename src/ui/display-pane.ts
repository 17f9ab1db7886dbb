/**
 * The pictures a program shows with the `display` module. An image is read straight from the
 * run's shared memory and redrawn every animation frame while the run is live (processes are
 * filling it), then once more when the run ends. Charts arrive by value and are drawn by
 * Chart.js, loaded on first use. Everything a program names (titles, labels) is text only.
 */
import type { RunEvent } from '../host/run-events';
import { regionView, type ChartItem, type ImageItem } from '../runtime/display-item';
import type { ChartView } from './charts';
import { gradient, hex, paint, rowTags, tintOf } from './image-pixels';
import './display-pane.css';

type DisplayEvent = Extract<RunEvent, { type: 'display' }>;

/** Images under this width are scaled up with sharp pixels rather than blurred. */
const PIXELATED_BELOW = 256;

interface ImageView {
  item: ImageItem;
  /** The run's shared memory, where `item` says the pixels are. */
  memory: WebAssembly.Memory;
  /** The palette as 256 RGB entries (gradient()). */
  table: Uint8Array;
  context: CanvasRenderingContext2D;
  /** Page-local pixels: ImageData cannot be a view of shared memory, so each frame is painted here. */
  frame: ImageData;
  legend: HTMLElement;
  /** The row numbers the legend shows now. */
  tags: string;
}

export class DisplayPane {
  private readonly images = new Map<number, ImageView>();
  /** Charts by title; an untitled chart gets a key of its own. */
  private readonly charts = new Map<string, Promise<ChartView>>();
  private untitled = 0;
  private animation = 0;
  /** Bumped by clear(), so a chart still loading for a cleared run is dropped. */
  private generation = 0;

  constructor(private readonly root: HTMLElement) {
    root.hidden = true;
  }

  /** Empties the pane for a new run. */
  clear(): void {
    this.generation++;
    cancelAnimationFrame(this.animation);
    this.animation = 0;
    for (const chart of this.charts.values()) void chart.then((c) => c.destroy());
    this.charts.clear();
    this.images.clear();
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  /**
   * Takes every event of a run; acts on `display` and `end`. `memory` is the run's shared
   * memory (Run.heap.memory), where an image's pixels are read.
   */
  show(event: RunEvent, memory?: WebAssembly.Memory): void {
    if (event.type === 'end') {
      cancelAnimationFrame(this.animation);
      this.animation = 0;
      this.redraw(); // the final picture, after the last process wrote to it
    } else if (event.type === 'display') {
      this.root.hidden = false;
      if (event.item.kind === 'chart') this.showChart(event, event.item);
      else if (memory) this.showImage(event, event.item, memory);
    }
  }

  private showImage(event: DisplayEvent, item: ImageItem, memory: WebAssembly.Memory): void {
    let view: Pick<ImageView, 'context' | 'legend'> | undefined = this.images.get(item.key);
    if (!view) {
      const title = item.title || `image ${item.width}×${item.height}`;
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', title);
      const legend = document.createElement('div');
      legend.className = 'tint-legend';
      this.figure(event, title).append(canvas, legend);
      view = { context: canvas.getContext('2d')!, legend };
    }
    // Shown again (same array): new size, palette or tint rows, same place on the page.
    const { canvas } = view.context;
    canvas.width = item.width;
    canvas.height = item.height;
    canvas.classList.toggle('pixelated', item.width < PIXELATED_BELOW);
    this.images.set(item.key, {
      ...view,
      item,
      memory,
      table: gradient(item.palette),
      frame: new ImageData(item.width, item.height),
      tags: '',
    });
    this.redraw();
    this.animation ||= requestAnimationFrame(this.tick);
  }

  private readonly tick = (): void => {
    this.redraw();
    this.animation = requestAnimationFrame(this.tick);
  };

  private redraw(): void {
    for (const view of this.images.values()) {
      const { item, memory, frame } = view;
      const tintRows = item.tintRows && regionView(memory, item.tintRows);
      paint(item, regionView(memory, item.pixels), tintRows, view.table, frame.data);
      view.context.putImageData(frame, 0, 0);
      if (tintRows) this.updateLegend(view, rowTags(tintRows, item.height));
    }
  }

  /** Which tint is which row number (e.g. pid), rebuilt only when the set changes. */
  private updateLegend(view: ImageView, tags: number[]): void {
    const key = tags.join(',');
    if (key === view.tags) return;
    view.tags = key;
    view.legend.replaceChildren(
      ...tags.map((tag) => {
        const entry = document.createElement('span');
        const swatch = document.createElement('i');
        swatch.style.background = hex(tintOf(tag));
        entry.append(swatch, String(tag));
        return entry;
      }),
    );
  }

  private showChart(event: DisplayEvent, item: ChartItem): void {
    const key = item.title || `#${this.untitled++}`;
    const existing = this.charts.get(key);
    if (existing) {
      void existing.then((chart) => chart.update(item));
      return;
    }
    const box = document.createElement('div');
    box.className = 'chart-box';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', item.title || 'chart');
    box.append(canvas);
    this.figure(event, '').append(box);
    const generation = this.generation;
    this.charts.set(
      key,
      import('./charts').then(({ ChartView }) => {
        const chart = new ChartView(canvas, item);
        if (generation !== this.generation) chart.destroy();
        return chart;
      }),
    );
  }

  /** A figure captioned with its title and the process that showed it (text only). */
  private figure(event: DisplayEvent, title: string): HTMLElement {
    const figure = document.createElement('figure');
    figure.className = `display-item ${event.item.kind}`;
    figure.dataset.pid = String(event.pid);
    const caption = document.createElement('figcaption');
    if (title) {
      const name = document.createElement('span');
      name.className = 'title';
      name.textContent = title;
      caption.append(name);
    }
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = `[${event.name} ${event.pid}]`;
    caption.append(tag);
    figure.append(caption);
    this.root.append(figure);
    return figure;
  }
}

/**
 * Charts drawn with Chart.js, loaded only when a program first calls display.chart. Chart.js
 * draws everything (titles, labels, tooltips) on its canvas, so a program's text can never
 * become markup. Only the pieces a bar or line chart needs are registered. Chosen over uPlot
 * (smaller, but made for time series: bars over text labels need plugins) for labelled bar
 * and line charts out of the box.
 */
// Named imports, so the bundle keeps only these parts (a namespace import kept 30 kB more).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartItem } from '../runtime/display-item';
import { TINTS, hex } from './image-pixels';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement);
Chart.register(LinearScale, PointElement, Title, Tooltip);

function config(item: ChartItem): ChartConfiguration<'bar' | 'line'> {
  const axis = (text: string) => ({ display: text !== '', text });
  return {
    type: item.type,
    data: {
      labels: item.labels,
      datasets: item.series.map((s, i) => ({
        label: s.name,
        data: s.data,
        backgroundColor: hex(TINTS[i % TINTS.length]),
        borderColor: hex(TINTS[i % TINTS.length]),
      })),
    },
    options: {
      animation: false, // redrawn live: each call shows the data as it is now
      maintainAspectRatio: false,
      plugins: {
        title: { display: item.title !== '', text: item.title },
        legend: { display: item.series.length > 1 || item.series[0].name !== '' },
      },
      scales: {
        x: { title: axis(item.xLabel) },
        y: { title: axis(item.yLabel), beginAtZero: true },
      },
    },
  };
}

/** A chart on `canvas`; update() redraws it with a later call's data. */
export class ChartView {
  private chart: Chart<'bar' | 'line'>;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    item: ChartItem,
  ) {
    this.chart = new Chart(canvas, config(item));
  }

  update(item: ChartItem): void {
    this.chart.destroy();
    this.chart = new Chart(this.canvas, config(item));
  }

  destroy(): void {
    this.chart.destroy();
  }
}

/**
 * Pictures the page draws from a program's data, never HTML.
 *
 * `image(pixels, width, height, options)` shows a SharedArray/RawArray as a picture, row by
 * row from the top left. The page reads the array straight from shared memory and redraws it
 * while the run is live, so processes filling it are seen at work. Two pixel formats:
 * - 'values' (default): one number per pixel (any number typecode), coloured through
 *   `palette`: 0 gets its first colour, `max` (default 255) and above its last.
 * - 'rgba': a SharedArray('B', width * height * 4): red, green, blue, alpha bytes per pixel,
 *   as a canvas ImageData holds them.
 * `tintRows`, an array with one number per row (e.g. the pid of the process that drew it),
 * tints each row by its number (0: no tint), and the page shows which tint is which number.
 *
 * `chart(data, options)` draws a bar or line chart of numbers: `data` is one array, or several
 * named arrays (`{ measured: [...], ideal: [...] }`); `labels` name the values along the x
 * axis. The data is copied when called; calling again with the same `title` redraws that chart.
 */
import { notify } from '../channel';
import { pythonTypeName } from '../class-names';
import { ctx } from '../context';
import {
  VIEWS,
  chartItem,
  imageItem,
  type ArrayPlace,
  type ChartData,
  type ChartOptions,
  type Colour,
  type DisplayItem,
  type ImageFormat,
  type PaletteName,
  type ViewName,
} from '../display-item';
import { SharedArray, storageOf } from '../shared-value';

export type { ChartData, ChartOptions, Colour, ImageFormat, PaletteName };

export interface ImageOptions {
  /** 'values' (default): one number per pixel; 'rgba': 4 bytes per pixel in a 'B' array. */
  format?: ImageFormat;
  /** For 'values': the value drawn with the palette's last colour (default 255). */
  max?: number;
  /** 'gray' (default), 'fire', 'ocean', or gradient stops such as ['#000', '#f80', '#fff']. */
  palette?: PaletteName | Colour[];
  /** One number per row (e.g. the pid that drew it): rows with the same non-zero number share a tint. */
  tintRows?: SharedArray;
  /** Shown above the picture, as text. */
  title?: string;
}

/** Shows `pixels` (a SharedArray or RawArray) as a width x height picture, redrawn live. */
export function image(
  pixels: SharedArray,
  width: number,
  height: number,
  options: ImageOptions = {},
): void {
  const array = sharedArray(pixels, 'pixels');
  const tintRows = options.tintRows && sharedArray(options.tintRows, 'tintRows');
  send(
    imageItem({
      ...options,
      key: array.id,
      pixels: place(array),
      width,
      height,
      tintRows: tintRows && place(tintRows),
    }),
  );
}

/** Draws a bar (default) or line chart of `data`; a later call with the same title redraws it. */
export function chart(data: ChartData, options: ChartOptions = {}): void {
  send(chartItem(copied(data), options));
}

/**
 * The data with each shared array copied from its memory as it is: drawing is not one of the
 * program's reads, so race detection does not see it.
 */
function copied(data: ChartData): ChartData {
  const copy = (values: unknown) =>
    values instanceof SharedArray
      ? Array.from(storageOf(values).view as ArrayLike<number>)
      : values;
  if (data instanceof SharedArray || Array.isArray(data) || typeof data !== 'object' || !data)
    return copy(data) as ChartData;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, copy(v)])) as ChartData;
}

function send(item: DisplayItem): void {
  notify({ t: 'display', pid: ctx().pid, item, at: performance.timeOrigin + performance.now() });
}

/** The page reads pictures from shared memory, so only the run's shared arrays will do. */
function sharedArray(value: unknown, what: string): SharedArray {
  if (value instanceof SharedArray) return value;
  const kind =
    value === null
      ? 'null'
      : typeof value !== 'object'
        ? typeof value
        : Array.isArray(value)
          ? 'a plain Array'
          : pythonTypeName(value);
  throw new TypeError(
    `${what} must be a SharedArray or RawArray from 'multiprocessing' (the page reads it from shared memory), not ${kind}`,
  );
}

function place(array: SharedArray): ArrayPlace {
  const { view, typecode } = storageOf(array);
  const name = (Object.keys(VIEWS) as ViewName[]).find((n) => view instanceof VIEWS[n]);
  const numeric = name !== undefined && typecode !== 'c' && typecode !== 'u';
  return {
    typecode,
    region: numeric ? { offset: view.byteOffset, length: view.length, view: name } : null,
  };
}

/**
 * What the `display` module sends to the page, and the rules a call must follow. An image is
 * never copied: the notice names where its array lives in the run's shared memory (which the
 * page holds too), so the page redraws it live while processes fill it. A chart is sent by
 * value. Every string a program passes (titles, labels, series names) is shown as text only.
 */
import { ValueError } from './errors';

/** The typed-array views an image or a row tint may be read through (numbers only). */
export const VIEWS = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
export type ViewName = keyof typeof VIEWS;

/** Elements of a SharedArray in the run's heap. */
export interface HeapRegion {
  /** Byte offset in the run's shared memory. */
  offset: number;
  /** Number of elements. */
  length: number;
  view: ViewName;
}

export interface ImageItem {
  kind: 'image';
  /** The pixel array's object id: showing the same array again updates its picture. */
  key: number;
  title: string;
  width: number;
  height: number;
  format: ImageFormat;
  pixels: HeapRegion;
  /** 'values': the value drawn with the palette's last colour; 0 gets the first. */
  max: number;
  /** Gradient stops as 0xRRGGBB, spread evenly from 0 to `max`. */
  palette: number[];
  /** One number per row; rows with the same non-zero number share a tint. */
  tintRows: HeapRegion | null;
}

export interface ChartItem {
  kind: 'chart';
  /** A chart shown again with the same non-empty title replaces the first (live updates). */
  title: string;
  type: ChartType;
  labels: string[];
  series: { name: string; data: number[] }[];
  xLabel: string;
  yLabel: string;
}

export type DisplayItem = ImageItem | ChartItem;

/** 'values': one number per pixel, coloured through a palette; 'rgba': 4 bytes per pixel. */
export type ImageFormat = 'values' | 'rgba';
export type ChartType = 'bar' | 'line';

/** Named palettes, as gradient stops (0xRRGGBB). */
export const PALETTES = {
  gray: [0x000000, 0xffffff],
  fire: [0x000000, 0x7f0000, 0xff4000, 0xffc000, 0xffffff],
  ocean: [0x000764, 0x206bcb, 0xedffff, 0xffaa00, 0x000200],
} as const;
export type PaletteName = keyof typeof PALETTES;

/** Canvas-friendly limits: a larger image or chart would stall the page, not teach more. */
export const MAX_SIDE = 4096;
export const MAX_SERIES = 16;
export const MAX_POINTS = 10_000;

/** A colour as '#rgb', '#rrggbb' or a number 0xRRGGBB. */
export type Colour = string | number;

/** Parses a palette colour, or says which forms are accepted. */
export function parseColour(colour: Colour): number {
  if (typeof colour === 'number' && Number.isInteger(colour) && colour >= 0 && colour <= 0xffffff)
    return colour;
  if (typeof colour === 'string') {
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
    if (short)
      return parseInt(
        short
          .slice(1)
          .map((d) => d + d)
          .join(''),
        16,
      );
    if (/^#[0-9a-f]{6}$/i.test(colour)) return parseInt(colour.slice(1), 16);
  }
  throw new ValueError(
    `bad palette colour ${JSON.stringify(colour)}: use '#rgb', '#rrggbb' or a number 0xRRGGBB`,
  );
}

export function paletteStops(palette: PaletteName | readonly Colour[]): number[] {
  if (typeof palette === 'string') {
    const stops = (PALETTES as Record<string, readonly number[]>)[palette];
    if (!stops) {
      throw new ValueError(
        `unknown palette '${palette}': use ${Object.keys(PALETTES).join(', ')} or a list of colours`,
      );
    }
    return [...stops];
  }
  if (!Array.isArray(palette) || palette.length < 2)
    throw new ValueError('a palette is a name or a list of at least 2 colours (gradient stops)');
  return palette.map(parseColour);
}

/** An array the page can read: where it is, its typecode (Python's), and its element count. */
export interface ArrayPlace {
  region: HeapRegion | null;
  typecode: string;
}

export interface ImageRequest {
  key: number;
  pixels: ArrayPlace;
  width: number;
  height: number;
  format?: ImageFormat;
  max?: number;
  palette?: PaletteName | readonly Colour[];
  tintRows?: ArrayPlace;
  title?: string;
}

/** Checks an image call against the rules and builds what the page is sent. */
export function imageItem(request: ImageRequest): ImageItem {
  const { key, pixels, width, height, format = 'values', max = 255, title = '' } = request;
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE)
      throw new ValueError(`${name} must be an integer from 1 to ${MAX_SIDE}, not ${side}`);
  }
  const count = width * height;
  const region = numbers(pixels, 'pixels');
  if (format === 'rgba') {
    if (pixels.typecode !== 'B')
      throw new ValueError(`'rgba' pixels are bytes: use a SharedArray('B', width * height * 4)`);
    if (region.length < count * 4) {
      throw new ValueError(
        `'rgba' needs 4 bytes per pixel: width * height * 4 = ${count * 4}, but the array has ${region.length}`,
      );
    }
  } else if (format === 'values') {
    if (region.length < count) {
      throw new ValueError(
        `width * height = ${count} pixels, but the array has only ${region.length} elements (one value per pixel)`,
      );
    }
  } else {
    throw new ValueError(`format must be 'values' or 'rgba', not ${JSON.stringify(format)}`);
  }
  if (!(Number.isFinite(max) && max > 0))
    throw new ValueError(`max must be a number above 0, not ${max}`);
  let tintRows: HeapRegion | null = null;
  if (request.tintRows) {
    tintRows = numbers(request.tintRows, 'tintRows');
    if (tintRows.length < height) {
      throw new ValueError(
        `tintRows needs one element per row: height = ${height}, but it has ${tintRows.length}`,
      );
    }
  }
  const palette = paletteStops(request.palette ?? 'gray');
  return {
    kind: 'image',
    key,
    title: String(title),
    width,
    height,
    format,
    pixels: region,
    max,
    palette,
    tintRows,
  };
}

/** Only arrays of plain numbers can be drawn (not 'q'/'Q' bigints, not 'c'/'u' characters). */
function numbers(place: ArrayPlace, what: string): HeapRegion {
  if (!place.region) {
    throw new ValueError(
      `${what} of typecode '${place.typecode}' cannot be drawn: use a number typecode (b B h H i I l L f d)`,
    );
  }
  return place.region;
}

export interface ChartOptions {
  /** 'bar' (default) or 'line'. */
  type?: ChartType;
  /** One label per value, along the x axis (default 0, 1, 2, ...). Shown as text. */
  labels?: readonly (string | number)[];
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

/** One series (numbers: an array, a typed array, a SharedArray) or several by name. */
export type ChartData = Iterable<number> | Readonly<Record<string, Iterable<number>>>;

/** Checks a chart call against the rules and copies its data for the page. */
export function chartItem(data: ChartData, options: ChartOptions = {}): ChartItem {
  const { type = 'bar', title = '', xLabel = '', yLabel = '' } = options;
  if (type !== 'bar' && type !== 'line')
    throw new ValueError(`chart type must be 'bar' or 'line', not ${JSON.stringify(type)}`);
  const named: [string, unknown][] = isSeries(data)
    ? [['', data]]
    : data && typeof data === 'object'
      ? Object.entries(data)
      : [];
  if (named.length === 0 || named.length > MAX_SERIES) {
    throw new ValueError(
      `chart data must be an array of numbers, or an object of 1 to ${MAX_SERIES} named arrays`,
    );
  }
  const series = named.map(([name, values]) => ({ name, data: seriesData(name, values) }));
  const length = series[0].data.length;
  const labels = options.labels
    ? [...options.labels].map(String)
    : series[0].data.map((_, i) => String(i));
  for (const { name, data: values } of series) {
    if (values.length !== labels.length) {
      throw new ValueError(
        `labels has ${labels.length} entries but ${seriesName(name)} has ${values.length} values: give one label per value`,
      );
    }
  }
  if (length > MAX_POINTS)
    throw new ValueError(`a chart shows at most ${MAX_POINTS} values per series`);
  return {
    kind: 'chart',
    title: String(title),
    type,
    labels,
    series,
    xLabel: String(xLabel),
    yLabel: String(yLabel),
  };
}

function isSeries(values: unknown): values is Iterable<unknown> {
  return typeof values === 'object' && values !== null && Symbol.iterator in values;
}

function seriesData(name: string, values: unknown): number[] {
  if (!isSeries(values)) throw new ValueError(`${seriesName(name)} must be an array of numbers`);
  return Array.from(values, (v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ValueError(
        `${seriesName(name)}[${i}] is ${String(v)}: every value must be a finite number`,
      );
    }
    return v;
  });
}

function seriesName(name: string): string {
  return name ? `series '${name}'` : 'the data';
}

/** A live view of a region (no copy), for the page that shares the run's memory. */
export function regionView(memory: WebAssembly.Memory, region: HeapRegion) {
  return new VIEWS[region.view](memory.buffer, region.offset, region.length);
}

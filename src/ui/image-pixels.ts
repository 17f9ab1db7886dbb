/**
 * Turns a displayed image's shared array into canvas pixels: values through a palette
 * gradient, or RGBA bytes as they are, then each row tinted by its number in `tintRows`.
 * Pure (typed arrays in, bytes out), so the pane can run it every frame and tests can check it.
 */
import type { ImageItem } from '../runtime/display-item';

/** Row tints, picked by the row's number modulo their count: consecutive pids differ. */
export const TINTS = [
  0x2b7bb9, 0xc2410c, 0x15803d, 0x9333ea, 0xb45309, 0x0f766e, 0xbe185d, 0x4d7c0f,
];
/** How much of a tinted pixel is the tint: enough to tell rows apart, not to hide the picture. */
export const TINT_WEIGHT = 0.45;

export function tintOf(tag: number): number {
  const n = TINTS.length;
  return TINTS[((Math.trunc(tag) % n) + n) % n];
}

export function hex(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/** 256 RGB triples along the gradient through `stops` (0xRRGGBB, evenly spaced). */
export function gradient(stops: readonly number[]): Uint8Array {
  const table = new Uint8Array(256 * 3);
  const spans = stops.length - 1;
  for (let i = 0; i < 256; i++) {
    const at = (i / 255) * spans;
    const k = Math.min(Math.floor(at), spans - 1);
    const f = at - k;
    for (let c = 0; c < 3; c++) {
      const shift = 16 - 8 * c;
      const a = (stops[k] >> shift) & 0xff;
      const b = (stops[k + 1] >> shift) & 0xff;
      table[i * 3 + c] = Math.round(a + (b - a) * f);
    }
  }
  return table;
}

/**
 * Fills `out` (width * height * 4 bytes, as ImageData holds them) from the image's current
 * `pixels`, coloured by `table` (gradient(item.palette)) and tinted by `tintRows`.
 */
export function paint(
  item: ImageItem,
  pixels: ArrayLike<number>,
  tintRows: ArrayLike<number> | null,
  table: Uint8Array,
  out: Uint8ClampedArray,
): void {
  const count = item.width * item.height;
  if (item.format === 'rgba') {
    out.set((pixels as Uint8Array).subarray(0, count * 4));
  } else {
    const scale = 255 / item.max;
    for (let i = 0; i < count; i++) {
      const v = pixels[i] * scale; // NaN and negatives take the first colour
      const t = (v >= 255 ? 255 : v > 0 ? (v + 0.5) | 0 : 0) * 3;
      const o = i * 4;
      out[o] = table[t];
      out[o + 1] = table[t + 1];
      out[o + 2] = table[t + 2];
      out[o + 3] = 255;
    }
  }
  if (tintRows) tint(item, tintRows, out);
}

function tint(item: ImageItem, tintRows: ArrayLike<number>, out: Uint8ClampedArray): void {
  for (let y = 0; y < item.height; y++) {
    const tag = tintRows[y];
    if (!tag) continue;
    const rgb = tintOf(tag);
    const colour = [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff];
    for (let o = y * item.width * 4, end = o + item.width * 4; o < end; o += 4) {
      for (let c = 0; c < 3; c++) out[o + c] += (colour[c] - out[o + c]) * TINT_WEIGHT;
    }
  }
}

/** The distinct non-zero row numbers, ascending (the tint legend). */
export function rowTags(tintRows: ArrayLike<number>, height: number): number[] {
  const tags = new Set<number>();
  for (let y = 0; y < height; y++) if (tintRows[y]) tags.add(tintRows[y]);
  return [...tags].sort((a, b) => a - b);
}

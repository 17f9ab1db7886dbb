import { expect, it } from 'vitest';
import type { ImageItem } from '../runtime/display-item';
import { TINT_WEIGHT, gradient, paint, rowTags, tintOf } from './image-pixels';

const item = (overrides: Partial<ImageItem> = {}): ImageItem => ({
  kind: 'image',
  key: 1,
  title: '',
  width: 2,
  height: 2,
  format: 'values',
  pixels: { offset: 0, length: 4, view: 'Int32Array' },
  max: 10,
  palette: [0x000000, 0xffffff],
  tintRows: null,
  ...overrides,
});

it('a gradient runs through its stops evenly', () => {
  const table = gradient([0x000000, 0xff0000, 0xffffff]);
  expect([...table.subarray(0, 3)]).toEqual([0, 0, 0]);
  expect([...table.subarray(255 * 3)]).toEqual([255, 255, 255]);
  expect(table[128 * 3]).toBe(255); // the middle stop: full red
  expect(table[128 * 3 + 1]).toBeLessThan(3);
});

it('values are scaled by max, clamped, and drawn opaque', () => {
  const out = new Uint8ClampedArray(16);
  const image = item();
  paint(image, new Int32Array([0, 5, 10, 99]), null, gradient(image.palette), out);
  expect([...out]).toEqual([
    0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  ]);
});

it('rgba bytes are copied as they are; tinted rows move towards their tint', () => {
  const image = item({ format: 'rgba' });
  const rgba = new Uint8Array(16).fill(200);
  const out = new Uint8ClampedArray(16);
  paint(image, rgba, new Int32Array([0, 1001]), gradient(image.palette), out);
  expect([...out.subarray(0, 8)]).toEqual(new Array(8).fill(200));
  const tint = tintOf(1001);
  expect(out[8]).toBe(Math.round(200 + (((tint >> 16) & 0xff) - 200) * TINT_WEIGHT));
  expect(out[11]).toBe(200); // alpha is left alone
});

it('consecutive row numbers get different tints; the legend lists each once', () => {
  expect(new Set([1001, 1002, 1003, 1004].map(tintOf)).size).toBe(4);
  expect(rowTags(new Int32Array([1002, 0, 1001, 1002]), 4)).toEqual([1001, 1002]);
});

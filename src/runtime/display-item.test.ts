import { describe, expect, it } from 'vitest';
import { chartItem, imageItem, parseColour, type ArrayPlace } from './display-item';

const ints = (length: number): ArrayPlace => ({
  typecode: 'i',
  region: { offset: 65536, length, view: 'Int32Array' },
});
const bytes = (length: number): ArrayPlace => ({
  typecode: 'B',
  region: { offset: 65536, length, view: 'Uint8Array' },
});

describe('imageItem', () => {
  it('names where the pixels are, with the palette as gradient stops', () => {
    const item = imageItem({ key: 7, pixels: ints(12), width: 4, height: 3, palette: 'gray' });
    expect(item).toMatchObject({
      kind: 'image',
      key: 7,
      format: 'values',
      max: 255,
      palette: [0x000000, 0xffffff],
      pixels: { offset: 65536, length: 12, view: 'Int32Array' },
      tintRows: null,
    });
  });

  it('refuses calls that break a rule, and names it', () => {
    const call = (request: Partial<Parameters<typeof imageItem>[0]>) => () =>
      imageItem({ key: 1, pixels: ints(12), width: 4, height: 3, ...request });
    expect(call({ width: 5 })).toThrow(
      'width * height = 15 pixels, but the array has only 12 elements (one value per pixel)',
    );
    expect(call({ height: 0 })).toThrow('height must be an integer from 1 to 4096, not 0');
    expect(call({ width: 2.5 })).toThrow('width must be an integer');
    expect(call({ format: 'rgba' })).toThrow(
      "'rgba' pixels are bytes: use a SharedArray('B', width * height * 4)",
    );
    expect(call({ pixels: bytes(47), format: 'rgba' })).toThrow(
      "'rgba' needs 4 bytes per pixel: width * height * 4 = 48, but the array has 47",
    );
    expect(call({ pixels: { typecode: 'q', region: null } })).toThrow(
      "pixels of typecode 'q' cannot be drawn",
    );
    expect(call({ tintRows: ints(2) })).toThrow(
      'tintRows needs one element per row: height = 3, but it has 2',
    );
    expect(call({ max: 0 })).toThrow('max must be a number above 0, not 0');
    expect(call({ palette: 'neon' as 'gray' })).toThrow("unknown palette 'neon'");
    expect(call({ palette: ['#fff'] })).toThrow('at least 2 colours');
    expect(call({ format: 'hsv' as 'rgba' })).toThrow("format must be 'values' or 'rgba'");
  });

  it('accepts RGBA bytes and row tints', () => {
    const item = imageItem({
      key: 1,
      pixels: bytes(48),
      width: 4,
      height: 3,
      format: 'rgba',
      tintRows: ints(3),
    });
    expect(item.tintRows).toEqual({ offset: 65536, length: 3, view: 'Int32Array' });
  });
});

it('parses colours as #rgb, #rrggbb or 0xRRGGBB', () => {
  expect(parseColour('#f80')).toBe(0xff8800);
  expect(parseColour('#00FF7f')).toBe(0x00ff7f);
  expect(parseColour(0x123456)).toBe(0x123456);
  expect(() => parseColour('red')).toThrow(`bad palette colour "red"`);
  expect(() => parseColour(-1)).toThrow('bad palette colour -1');
});

describe('chartItem', () => {
  it('copies one series or several, with text labels', () => {
    expect(chartItem([3, 1, 2])).toMatchObject({
      type: 'bar',
      labels: ['0', '1', '2'],
      series: [{ name: '', data: [3, 1, 2] }],
    });
    const item = chartItem(
      { measured: [1, 1.9], ideal: [1, 2] },
      { type: 'line', labels: [1, '<b>2</b>'], title: 'speed-up' },
    );
    expect(item.labels).toEqual(['1', '<b>2</b>']);
    expect(item.series.map((s) => s.name)).toEqual(['measured', 'ideal']);
    expect(chartItem({ t: new Float64Array([0.5, 2]) }).series[0].data).toEqual([0.5, 2]);
  });

  it('refuses data that cannot be drawn, and says why', () => {
    expect(() => chartItem([1, NaN])).toThrow(
      'the data[1] is NaN: every value must be a finite number',
    );
    expect(() => chartItem({ a: [1, 2] }, { labels: ['x'] })).toThrow(
      "labels has 1 entries but series 'a' has 2 values: give one label per value",
    );
    expect(() => chartItem({ a: [1], b: [1, 2] })).toThrow("series 'b' has 2 values");
    expect(() => chartItem({})).toThrow('chart data must be an array of numbers');
    expect(() => chartItem({ a: 'x' as unknown as number[] })).toThrow(
      "series 'a' must be an array of numbers",
    );
    expect(() => chartItem([1], { type: 'pie' as 'bar' })).toThrow(
      "chart type must be 'bar' or 'line'",
    );
  });
});

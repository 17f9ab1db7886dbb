import { describe, expect, it } from 'vitest';
import { checkedChunksize, chunksOf, mapChunksize } from './chunks';

describe("a Pool map's chunks", () => {
  it("default to CPython's size: divmod(items, workers * 4), one more for a remainder", () => {
    expect(mapChunksize(100, 4, null)).toBe(7);
    expect(mapChunksize(80, 2, undefined)).toBe(10);
    expect(mapChunksize(80, 1, null)).toBe(20);
    expect(mapChunksize(16, 4, null)).toBe(1);
    expect(mapChunksize(17, 4, null)).toBe(2);
    expect(mapChunksize(3, 8, null)).toBe(1);
    expect(mapChunksize(0, 4, null)).toBe(0);
  });

  it('take the size given, 1 or more, whole', () => {
    expect(mapChunksize(100, 4, 1)).toBe(1);
    expect(mapChunksize(0, 4, 5)).toBe(5);
    expect(() => checkedChunksize(0)).toThrow('Chunksize must be 1+, not 0');
    expect(() => checkedChunksize(-2)).toThrow('Chunksize must be 1+, not -2');
    expect(() => checkedChunksize(1.5)).toThrow(TypeError);
    expect(() => checkedChunksize('3')).toThrow('chunksize must be a whole number, not "3"');
  });

  it('cover every item once, in order, each run knowing its first index', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const chunks = chunksOf(items, 4);
    expect(chunks).toEqual([
      { first: 0, items: [0, 1, 2, 3] },
      { first: 4, items: [4, 5, 6, 7] },
      { first: 8, items: [8, 9] },
    ]);
    expect(chunksOf([], 0)).toEqual([]);
    expect(chunksOf(items, 20)).toEqual([{ first: 0, items }]);
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantiateKernels } from '../../../scripts/kernels';
import { setContext, type ProcessContext } from '../context';
import { Heap } from '../heap';
import type { KernelExports } from '../kernels/wasm';
import { makeGuardedLock, type GuardedLock } from '../sync/guarded-lock';
import { encodeItem } from './codec';
import { EMPTY, GET_LOCK, NO_LOOKS, PUT_LOCK, RING_WORDS, Ring } from './ring';

// One process's view: the ring's own logic (records, wrapping, growing, shrinking, spilling)
// against a plain array, with its locks taken by the kernels' fused steps and by Atomics calls.
// Several Workers at once are the e2e stress tests' job.
let heap: Heap;
let wasm: KernelExports;
let rings: number[] = [];
beforeAll(async () => {
  heap = Heap.create(1);
  heap.guardSlot = heap.alloc(4) / 4;
  setContext({ heap } as ProcessContext);
  wasm = await instantiateKernels(heap.memory);
}, 60_000);

afterEach(() => {
  // Nothing left held: every lock word free, the process outside its guard.
  for (const base of rings)
    expect([heap.i32[base + PUT_LOCK], heap.i32[base + GET_LOCK]]).toEqual([0, 0]);
  expect(heap.i32[heap.guardSlot]).toBe(0);
  rings = [];
});

let guarded: () => GuardedLock;

function newRing(): Ring {
  const base = heap.alloc(RING_WORDS * 4) / 4;
  Ring.init(heap, base);
  rings.push(base);
  return new Ring(heap, base, NO_LOOKS, guarded());
}

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function put(ring: Ring, item: unknown, maxsize = 0): boolean {
  return ring.put(typeof item === 'number' ? item : encodeItem(item), 0, maxsize);
}

describe.each([
  ['the kernels', () => makeGuardedLock(heap, wasm)],
  ['Atomics calls', () => makeGuardedLock(heap, null)],
])('Ring, locked by %s', (_, make) => {
  beforeAll(() => {
    guarded = make;
  });

  // Seconds of work (2.7 s alone, over 6 s beside the whole suite on two loaded cores).
  it(
    'keeps FIFO order through laps, growth while wrapped, spills and shrinking',
    { timeout: 30_000 },
    () => {
      const ring = newRing();
      const next = random(7);
      const model: unknown[] = [];
      let serial = 0;
      const item = () => {
        const kind = next();
        serial++;
        if (kind < 0.2) return serial;
        if (kind < 0.3) return [-0, 0.5, 2 ** 31, -(2 ** 31), NaN][serial % 5]; // float records
        if (kind < 0.6) return 'x'.repeat(Math.floor(next() * 300)) + serial;
        if (kind < 0.95) return [serial, 'y'.repeat(Math.floor(next() * 3000))];
        return 'z'.repeat(17_000 + Math.floor(next() * 8_000)) + serial; // spilled
      };
      // Phases that fill (the ring grows, often while wrapped) and phases that drain (it shrinks).
      for (let phase = 0; phase < 20; phase++) {
        const putShare = phase % 2 ? 0.25 : 0.75;
        for (let step = 0; step < 2000; step++) {
          if (next() < putShare) {
            const value = item();
            expect(put(ring, value)).toBe(true);
            model.push(value);
          } else {
            const taken = ring.take();
            if (model.length === 0) expect(taken).toBe(EMPTY);
            else expect(taken).toEqual(model.shift());
          }
          expect(ring.count).toBe(model.length);
        }
      }
      while (model.length) expect(ring.take()).toEqual(model.shift());
      expect(ring.take()).toBe(EMPTY);
    },
  );

  it('refuses a put when maxsize records are in, and takes one after a take', () => {
    const ring = newRing();
    for (let i = 0; i < 3; i++) expect(put(ring, i, 3)).toBe(true);
    expect(put(ring, 'late', 3)).toBe(false);
    expect(ring.take()).toBe(0);
    expect(put(ring, 'late', 3)).toBe(true);
    expect([ring.take(), ring.take(), ring.take(), ring.take()]).toEqual([1, 2, 'late', EMPTY]);
  });

  it('keeps an object held twice one object, and a cycle a cycle', () => {
    const ring = newRing();
    const shared = { name: 'shared' };
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    put(ring, [shared, shared, new Map([['k', shared]])]);
    put(ring, cyclic);
    const [a, b, map] = ring.take() as [object, object, Map<string, object>];
    expect(a).toEqual(shared);
    expect(a).toBe(b);
    expect(map.get('k')).toBe(a);
    const back = ring.take() as typeof cyclic;
    expect(back.n).toBe(1);
    expect(back.self).toBe(back);
  });

  it('passes an item much larger than the ring, and null like any other item', () => {
    const ring = newRing();
    const big = new Float64Array(1 << 17).map((_, i) => i * 0.5);
    expect(put(ring, big)).toBe(true);
    expect(put(ring, null)).toBe(true);
    expect(ring.take()).toEqual(big);
    expect(ring.take()).toBe(null);
    expect(ring.take()).toBe(EMPTY);
  });
});

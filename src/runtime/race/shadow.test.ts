import { beforeEach, describe, expect, it } from 'vitest';
import { setContext, type ProcessContext } from '../context';
import { Heap } from '../heap';
import { H, PID_BASE } from '../layout';
import { CELL_WORDS, Shadow } from './shadow';
import { VectorClock } from './vector-clock';

// Two processes' views of one cell, stepped by hand: what FastTrack reports and what it does not.
let heap: Heap;
let region: number;
let cell: number;
const KEY = 7;

function processOf(index: number) {
  const clock = new VectorClock(heap, region, PID_BASE + index);
  return { clock, shadow: new Shadow(heap, region, clock) };
}

beforeEach(() => {
  heap = Heap.create(1, { races: true });
  setContext({ heap } as ProcessContext); // the page's guard slot (-1): no kill guard
  region = heap.i32[H.race];
  cell = processOf(0).shadow.allocate(CELL_WORDS);
});

describe('shadow cells', () => {
  it('report a write and a read that nothing orders, naming the earlier access', () => {
    const [a, b] = [processOf(0), processOf(1)];
    expect(a.shadow.write(cell, 111, 5)).toBeNull();
    expect(b.shadow.read(cell, 222, 9)).toEqual({ who: 0, site: 111, at: 5, write: true });
  });

  it('do not report what a release and an acquire of one key order', () => {
    const [a, b] = [processOf(0), processOf(1)];
    a.shadow.write(cell, 111, 5);
    a.clock.release(KEY);
    b.clock.acquire(KEY);
    expect(b.shadow.read(cell, 222, 9)).toBeNull();
    expect(b.shadow.write(cell, 222, 9)).toBeNull();
  });

  it('order nothing by an acquire that came before the release', () => {
    const [a, b] = [processOf(0), processOf(1)];
    b.clock.acquire(KEY);
    a.shadow.write(cell, 111, 5);
    a.clock.release(KEY);
    expect(b.shadow.write(cell, 222, 9)?.write).toBe(true);
  });

  it('let unordered reads share a cell, and report each against a later write', () => {
    const [a, b, c] = [processOf(0), processOf(1), processOf(2)];
    expect(a.shadow.read(cell, 111, 1)).toBeNull();
    expect(b.shadow.read(cell, 222, 2)).toBeNull();
    // c has seen a's read (through a release and an acquire) but not b's.
    a.clock.release(KEY);
    c.clock.acquire(KEY);
    expect(c.shadow.write(cell, 333, 3)).toEqual({ who: 1, site: 222, at: 2, write: false });
  });

  it('need no check for a process that accesses again in the same epoch', () => {
    const a = processOf(0);
    a.shadow.write(cell, 111, 1);
    heap.i32[cell + 3] = 0; // the site word: an unchecked access leaves it as it is
    a.shadow.read(cell, 222, 2);
    a.shadow.write(cell, 333, 3);
    expect(heap.i32[cell + 3]).toBe(0);
  });

  it('stop checking, for every process, when the shadow space runs out', () => {
    const a = processOf(0);
    expect(a.shadow.allocate(3 << 20)).toBe(-1); // 12 MB of words
    expect(processOf(1).shadow.stopped).toBe(true);
  });
});

describe('vector clocks', () => {
  it('carry every releaser of a key to its acquirer, through clocks that grow', () => {
    const processes = Array.from({ length: 40 }, (_, i) => processOf(i));
    for (const p of processes.slice(0, 39)) p.clock.release(KEY);
    const last = processes[39].clock;
    last.acquire(KEY);
    for (let i = 0; i < 39; i++) expect(last.covers(i, 1)).toBe(true);
    expect(last.covers(0, 2)).toBe(false); // each releaser moved on to a new epoch
    expect(last.size).toBe(40);
  });
});

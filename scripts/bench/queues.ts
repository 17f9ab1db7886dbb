import type { Page } from '@playwright/test';
import { runTimed, twoWorkers, type Measure } from './measure';

/**
 * The Queue and postMessage rates are steady states: items go through for WARMUP_MS first,
 * untimed, so the code on both sides is compiled by the optimizing JIT, then the clock times
 * ROUNDS rounds of ITEMS more, and the best round counts, for the Queue and postMessage alike.
 * The warm-up is timed, not counted: a queue reached its steady rate after 0.3 to 1 s, in
 * 1 to 4 rounds of 500,000 items, as V8 compiled its hot functions again after each rare path
 * (the ring growing, a lock contended, a get finding it empty) and compiled slower when both
 * cores were busy. On this two-core VM some runs also stay at half speed for seconds (the
 * Workers share the cores with the page, the browser and the test driver). Neither clock
 * counts a Worker's start-up or exit.
 */
const WARMUP_MS = 1000;
/** Warm-up goes in chunks: the consumer learns how many before the last one goes. */
const CHUNK = 100_000;
const ITEMS = 500_000;
const ROUNDS = 6;
/** The bare ring's warm-up. */
const WARMUP = 200_000;

/** Items per second one process puts and another gets through a Queue, one at a time. */
async function queueRate(page: Page, item: string): Promise<number> {
  const events = await runTimed(
    page,
    `import { Queue, Process, RawValue } from 'multiprocessing';
function consume(q: Queue, done: Queue, warmChunks: RawValue) {
  for (let n = 1; ; n++) {
    for (let i = 0; i < ${CHUNK}; i++) q.get();
    if (warmChunks.value > 0 && n >= warmChunks.value) break;
  }
  for (let round = 0; round < ${ROUNDS}; round++) {
    for (let i = 0; i < ${ITEMS}; i++) q.get();
    done.put(true); // the consumer has the round's last item
  }
}
if (__name__ === '__main__') {
  const [q, done, warmChunks] = [new Queue(), new Queue(), new RawValue('i', 0)];
  const p = new Process({ target: consume, args: [q, done, warmChunks] });
  p.start();
  const warmStart = performance.now();
  for (let chunks = 1, last = false; !last; chunks++) {
    // Said before the last chunk goes, so the consumer knows it before it asks for more.
    last = performance.now() - warmStart >= ${WARMUP_MS};
    if (last) warmChunks.value = chunks;
    for (let i = 0; i < ${CHUNK}; i++) q.put(${item});
    while (q.qsize() > ${CHUNK}); // a slower consumer never lets the backlog fill the heap
  }
  while (!q.empty());
  let best = 0;
  for (let round = 0; round < ${ROUNDS}; round++) {
    const t0 = performance.now();
    for (let i = 0; i < ${ITEMS}; i++) q.put(${item});
    done.get();
    best = Math.max(best, ${ITEMS} / ((performance.now() - t0) / 1000));
  }
  print(best);
  p.join();
}`,
  );
  const line = events.find((e) => e.event.type === 'output');
  if (line?.event.type !== 'output' || line.event.stream !== 'stdout')
    throw new Error('queue bench failed');
  return Number(line.event.text);
}

/** The same items posted one at a time from one Worker to another over a MessageChannel. */
function postMessageRate(page: Page, item: string): Promise<number> {
  const code = `onmessage = (e) => {
    const port = e.data.port;
    if (e.data.role === 'sink') {
      let got = 0;
      port.onmessage = () => {
        if (++got % ${CHUNK} === 0) port.postMessage(got);
      };
      return;
    }
    const warmStart = performance.now();
    let sent = 0, warm = true, t0 = 0, best = 0, rounds = 0;
    const send = (n) => {
      for (let i = 0; i < n; i++) port.postMessage(${item});
      sent += n;
    };
    const round = () => {
      t0 = performance.now();
      send(${ITEMS});
    };
    port.onmessage = (m) => {
      if (m.data < sent) return; // a chunk's receipt in the middle of a round
      if (warm) {
        warm = performance.now() - warmStart < ${WARMUP_MS};
        if (warm) send(${CHUNK});
        else round();
        return;
      }
      best = Math.max(best, ${ITEMS} / ((performance.now() - t0) / 1000));
      if (++rounds < ${ROUNDS}) round();
      else postMessage(best);
    };
    send(${CHUNK});
  };`;
  return twoWorkers(page, code, ['source', 'sink']);
}

/** Ints through a bare single-producer ring of Atomics between two Workers: the ceiling. */
function bareRingRate(page: Page): Promise<number> {
  const code = `onmessage = (e) => {
    const port = e.data.port;
    const N = 1024, HEAD = 0, TAIL = 16, DATA = 32, ALL = ${WARMUP + ITEMS};
    if (e.data.role === 'sink') {
      port.onmessage = (m) => {
        const w = new Int32Array(m.data);
        let head = 0, tail = 0, sum = 0;
        while (head < ALL) {
          while (head === tail) tail = Atomics.load(w, TAIL);
          sum += w[DATA + (head & (N - 1))];
          Atomics.store(w, HEAD, ++head);
        }
        port.postMessage(sum);
      };
      return;
    }
    const w = new Int32Array(new SharedArrayBuffer(4 * (DATA + N)));
    port.postMessage(w.buffer);
    let t0 = 0, head = 0, tail = 0;
    for (let i = 0; i < ALL; i++) {
      if (i === ${WARMUP}) {
        while (Atomics.load(w, HEAD) < i);
        t0 = performance.now();
      }
      while (tail - head >= N) head = Atomics.load(w, HEAD);
      w[DATA + (tail & (N - 1))] = i;
      Atomics.store(w, TAIL, ++tail);
    }
    while (Atomics.load(w, HEAD) < ALL);
    postMessage(${ITEMS} / ((performance.now() - t0) / 1000));
  };`;
  return twoWorkers(page, code, ['source', 'sink']);
}

function versusPostMessage(name: string, item: string, target: number): Measure {
  return {
    name,
    unit: 'x',
    target: `>= ${target}`,
    ok: (v) => v >= target,
    async run(page) {
      const queue = await queueRate(page, item);
      const posted = await postMessageRate(page, item);
      if (!process.argv.includes('--json')) {
        console.log(
          `  (Queue ${Math.round(queue)} items/s, postMessage ${Math.round(posted)} items/s)`,
        );
      }
      return queue / posted;
    },
  };
}

export const queueMeasures: Measure[] = [
  {
    name: 'queue_bare_ring_ints',
    unit: 'M/s',
    target: 'report',
    ok: () => true,
    run: async (page) => (await bareRingRate(page)) / 1e6,
  },
  versusPostMessage('queue_ints_vs_postmessage', 'i', 50),
  versusPostMessage(
    'queue_objects_vs_postmessage',
    "{ id: i, name: 'item' + i, tags: ['a', 'b'] }",
    10,
  ),
];

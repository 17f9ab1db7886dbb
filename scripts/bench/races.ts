import { median, type Measure } from './measure';
import { printedNumbers } from './pools';

/** Runs of each setting, taken in turns (off, on, off, ...) so that load hits both alike. */
const RUNS = 3;
/** Each process's own elements; it takes the shared lock once per sweep over them. */
const SPAN = 1000;
const SWEEPS = 200;

/**
 * Two processes, each sweeping `arr[i] += 1` over its own elements and counting sweeps in its
 * own Value, and adding to a shared total under a lock once a sweep: race-free, access-heavy
 * (every element access is checked when races are detected). Prints the slower process's loop
 * time; main checks every element and the total after join (a wrong count throws).
 */
const PROGRAM = `import { Process, RawArray, Value, Lock, Event, Queue } from 'multiprocessing';
const SPAN = ${SPAN}, SWEEPS = ${SWEEPS};
const go = new Event();
function work(k: number, arr: RawArray, sweeps: Value, total: Value, lock: Lock, times: Queue<number>) {
  go.wait();
  const t0 = performance.now();
  for (let s = 0; s < SWEEPS; s++) {
    for (let i = k * SPAN; i < (k + 1) * SPAN; i++) arr[i] += 1;
    sweeps.value = sweeps.value + 1;
    lock.acquire();
    total.value += SPAN;
    lock.release();
  }
  times.put(performance.now() - t0);
}
if (__name__ === '__main__') {
  const arr = new RawArray('i', 2 * SPAN), total = new Value('i', 0, { lock: false });
  const lock = new Lock(), times = new Queue<number>();
  const sweeps = [0, 1].map(() => new Value('i', 0, { lock: false }));
  const ps = [0, 1].map((k) => new Process({ target: work, args: [k, arr, sweeps[k], total, lock, times] }));
  ps.forEach((p) => p.start());
  go.set();
  const ms = Math.max(times.get(), times.get());
  ps.forEach((p) => p.join());
  for (let i = 0; i < 2 * SPAN; i++) if (arr[i] !== SWEEPS) throw new Error('lost an update at ' + i);
  if (total.value !== 2 * SPAN * SWEEPS || sweeps.some((v) => v.value !== SWEEPS)) throw new Error('lost a count');
  print('ms', ms);
}`;

/**
 * How much slower race detection makes an access-heavy, race-free program: the median loop
 * time with detection on over the median with it off, in one bench run. Go documents 2-20x for
 * its -race, ThreadSanitizer 5-15x. A report (a false one: the program is race-free) goes to
 * stderr, which fails the measure.
 */
const overhead: Measure = {
  name: 'race_detector_overhead',
  unit: 'x',
  target: '<= 20',
  ok: (v) => v <= 20,
  async run(page) {
    const off: number[] = [];
    const on: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      off.push((await printedNumbers(page, PROGRAM)).ms);
      on.push((await printedNumbers(page, PROGRAM, { races: true })).ms);
    }
    if (!process.argv.includes('--json'))
      console.log(`  (loop ms, detection off ${ms(off)}; on ${ms(on)})`);
    return median(on) / median(off);
  },
};

const ms = (times: number[]) => times.map((t) => t.toFixed(0)).join(' ');

export const raceMeasures: Measure[] = [overhead];

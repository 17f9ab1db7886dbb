import { median, runTimed, type Measure } from './measure';

const RUNS = 10;

/** Run -> the program's first output line, as the page sees it (median of warm runs). */
const runToFirstLine: Measure = {
  name: 'run_to_first_output',
  unit: 'ms',
  target: '< 150',
  ok: (v) => v < 150,
  async run(page) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const events = await runTimed(page, "print('hello');");
      const first = events.find((e) => e.event.type === 'output');
      if (!first) throw new Error('no output');
      if (i >= 2) times.push(first.arrived); // two warm-up runs
      await page.waitForTimeout(100); // let the pool refill, as between two clicks
    }
    return median(times);
  },
};

/** start() in the parent -> the child's first line (median of sequential children). */
const startToChildLine: Measure = {
  name: 'start_to_child_first_line',
  unit: 'ms',
  target: '< 30',
  ok: (v) => v < 30,
  async run(page) {
    const program = `import { Process } from 'multiprocessing';
import { sleep } from 'time';
function child(i: number) { print('child', i); }
if (__name__ === '__main__') {
  for (let i = 0; i < ${RUNS}; i++) {
    const p = new Process({ target: child, args: [i] });
    print('go', i);
    p.start();
    p.join();
    sleep(0.1);
  }
}`;
    const events = await runTimed(page, program);
    const at = (text: string) => {
      const hit = events.find((e) => e.event.type === 'output' && e.event.text === text);
      if (!hit || hit.event.type !== 'output') throw new Error(`missing line ${text}`);
      return hit.event.t;
    };
    const gaps = Array.from({ length: RUNS }, (_, i) => at(`child ${i}`) - at(`go ${i}`));
    return median(gaps);
  },
};

/**
 * The most processes a run may have alive (64: main and 63 children) started and joined, from
 * the first start() to the last join() returning, on the built site (median of three runs).
 */
const start64: Measure = {
  name: 'start_64_processes_ms',
  unit: 'ms',
  target: '< 1200',
  ok: (v) => v < 1200,
  async run(page) {
    const program = `import { Process } from 'multiprocessing';
import { perfCounter } from 'time';
function child() {}
if (__name__ === '__main__') {
  const t0 = perfCounter();
  const ps: Process[] = [];
  for (let i = 0; i < 63; i++) {
    const p = new Process({ target: child });
    p.start();
    ps.push(p);
  }
  ps.forEach((p) => p.join());
  print((perfCounter() - t0) * 1000);
}`;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const events = await runTimed(page, program);
      const line = events.find((e) => e.event.type === 'output');
      if (line?.event.type !== 'output') throw new Error('no output');
      times.push(Number(line.event.text));
      await page.waitForTimeout(500); // the pool refills between runs, as between two clicks
    }
    return median(times);
  },
};

export const processMeasures: Measure[] = [runToFirstLine, startToChildLine, start64];

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

export const processMeasures: Measure[] = [runToFirstLine, startToChildLine];

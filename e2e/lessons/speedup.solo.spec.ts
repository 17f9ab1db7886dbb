import { mandelbrotRows } from '../../src/runtime/kernels/twins';
import { lessonSource, runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

/** A constant of a lesson's program (`const W = 800;`), so the test follows the lesson. */
function constant(id: string, name: string): number {
  const found = new RegExp(`^const ${name} = ([\\d_]+);`, 'm').exec(lessonSource(id));
  if (!found) throw new Error(`${id} has no const ${name}`);
  return Number(found[1].replaceAll('_', ''));
}

test('p57: the printed speed-up is the quotient of the times the program measured; the chart shows it', async ({
  page,
}) => {
  const run = await runLesson(page, 'p57');
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  const N = constant('p57', 'N');
  const rows = run.stdout
    .map((line) =>
      /^(\d+) process(?:es)?: ([\d.]+) s, (\d+) primes below (\d+), speed-up ([\d.]+)x$/.exec(line),
    )
    .filter((m) => m !== null)
    .map(([, n, seconds, primes, below, speedUp]) => ({
      n: Number(n),
      seconds: Number(seconds),
      primes: Number(primes),
      below: Number(below),
      speedUp: Number(speedUp),
    }));
  const cpus = Number(/^cpuCount\(\) = (\d+)$/.exec(run.stdout[0])![1]);
  expect(rows.map((r) => r.n)).toEqual([...new Set([1, 2, cpus])]);
  for (const row of rows) {
    expect(row).toMatchObject({ primes: 283_146, below: N }); // pi(4,000,000); every split agrees
    // speed-up = t1 / tn, as printed: times to 3 decimals, the ratio to 2 (rounding allowed for).
    const [t1, tn] = [rows[0].seconds, row.seconds];
    const low = (t1 - 0.0005) / (tn + 0.0005);
    const high = (t1 + 0.0005) / (tn - 0.0005);
    expect(row.speedUp).toBeGreaterThanOrEqual(Math.floor(low * 100) / 100);
    expect(row.speedUp).toBeLessThanOrEqual(Math.ceil(high * 100) / 100);
  }
  // The chart is redrawn after each measurement; its last drawing has every printed figure.
  const charts = run.raw.events.filter((e) => e.type === 'display');
  expect(charts).toHaveLength(rows.length);
  const last = charts.at(-1)!.item;
  if (last.kind !== 'chart') throw new Error('p57 shows a chart');
  expect(last.title).toBe('speed-up over 1 process');
  const [measured, ideal] = last.series;
  expect(measured.data.map((v) => v.toFixed(2))).toEqual(rows.map((r) => r.speedUp.toFixed(2)));
  expect(ideal.data).toEqual(rows.map((r) => r.n));
});

test('p58: every pixel is drawn, by the processes of the run, equal to the JS twin', async ({
  page,
}) => {
  const run = await runLesson(page, 'p58');
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  const [W, H, MAX_ITER] = ['W', 'H', 'MAX_ITER'].map((name) => constant('p58', name));
  const [snapshot] = run.raw.images!;
  expect(snapshot.item).toMatchObject({ width: W, height: H });
  const drawers = run.processes().filter((p) => p.name !== 'MainProcess');
  expect(drawers.length).toBeGreaterThanOrEqual(2);
  const pids = drawers.map((p) => p.pid);
  // Each row's owner is one of the processes, and each process drew the rows it says it drew.
  for (const owner of snapshot.tintRows!) expect(pids).toContain(owner);
  for (const pid of pids) {
    const drawn = snapshot.tintRows!.filter((owner) => owner === pid).length;
    expect(run.stdout).toContain(`pid ${pid} drew ${drawn} rows`);
  }
  // Every pixel set (an iteration count is at least 1), and equal to the plain-JS kernel's.
  expect(snapshot.pixels.every((v) => v >= 1)).toBe(true);
  const twin = new Int32Array(W * H);
  mandelbrotRows(twin, W, H, 0, H, MAX_ITER);
  expect(snapshot.pixels.length).toBe(twin.length);
  expect(snapshot.pixels.findIndex((v, i) => v !== twin[i])).toBe(-1);
});

test('p60: each kernel sums the same total on 1 and 2 processes; the speed-up is the quotient of the times', async ({
  page,
}) => {
  const run = await runLesson(page, 'p60');
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  const rows = run.stdout
    .map((line) =>
      /^(\w+): 1 process ([\d.]+) s, 2 processes ([\d.]+) s, speed-up ([\d.]+)x, same total: (\w+)$/.exec(
        line,
      ),
    )
    .filter((m) => m !== null);
  expect(rows.map((m) => m[1])).toEqual(['sumSquares', 'sumSquaresSimd']);
  for (const [, , one, two, speedUp, same] of rows) {
    expect(same).toBe('true');
    const [t1, t2] = [Number(one), Number(two)];
    expect(Number(speedUp)).toBeGreaterThanOrEqual(
      Math.floor(((t1 - 0.0005) / (t2 + 0.0005)) * 100) / 100,
    );
    expect(Number(speedUp)).toBeLessThanOrEqual(
      Math.ceil(((t1 + 0.0005) / (t2 - 0.0005)) * 100) / 100,
    );
    // Two processes on separate cores: faster than one, generously (the machine is shared).
    expect(Number(speedUp)).toBeGreaterThan(1.2);
  }
  const chart = run.raw.events.find((e) => e.type === 'display');
  expect(chart?.type === 'display' && chart.item.kind).toBe('chart');
});

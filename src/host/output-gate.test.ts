import { expect, it } from 'vitest';
import { OutputGate, type GateLine } from './output-gate';

/** A gate whose later tasks run when the test says (`run()`), recording what it hands on. */
function gate(limits = { bytes: 1000, liveLines: 100, tailLines: 10 }) {
  const lines: GateLine[] = [];
  const tasks: (() => void)[] = [];
  const g = new OutputGate(
    limits,
    (line) => lines.push(line),
    (task) => tasks.push(task),
  );
  const run = () => {
    while (tasks.length) tasks.shift()!();
  };
  return { g, lines, run, texts: () => lines.map((l) => `${l.pid}:${l.stream}:${l.text}`) };
}

it('joins partial writes into lines per process and stream, and ends them when a process ends', () => {
  const { g, run, texts } = gate();
  g.write(1, 'stdout', 'x');
  g.write(2, 'stdout', 'one\ntw');
  g.write(1, 'stdout', 'y\nz\n');
  g.endOf(2);
  run();
  expect(texts()).toEqual(['2:stdout:one', '1:stdout:xy', '1:stdout:z', '2:stdout:tw']);
  let done = false;
  g.finish(() => (done = true));
  run();
  expect(done).toBe(true);
  expect(texts()).toHaveLength(4);
});

it('cuts output at the byte cap, with one notice, whatever is written after', () => {
  const { g, run, texts } = gate({ bytes: 10 << 20, liveLines: 100, tailLines: 10 });
  g.write(1, 'stdout', 'x'.repeat((10 << 20) - 10) + '\n');
  g.write(1, 'stdout', '12345678\n');
  g.write(1, 'stdout', 'abcdef\n');
  g.write(1, 'stdout', 'more\n');
  g.finish(() => {});
  run();
  expect(texts().slice(1)).toEqual([
    '1:stdout:12345678',
    '1:stdout:',
    '1:stdout:[output truncated: more than 10 MB]',
  ]);
});

it('past the live lines keeps only the newest, with one notice saying how many were left out', () => {
  const { g, run, texts } = gate({ bytes: 1e9, liveLines: 3, tailLines: 2 });
  g.write(1, 'stdout', Array.from({ length: 10 }, (_, i) => `l${i}\n`).join(''));
  g.write(1, 'stdout', 'l10\nl11\n');
  run();
  expect(texts()).toEqual(['1:stdout:l0', '1:stdout:l1', '1:stdout:l2']);
  g.finish(() => {});
  run();
  expect(texts().slice(3)).toEqual([
    '1:stderr:[earlier lines of output not shown: past 3 lines a run keeps only the newest 2]',
    '1:stdout:l10',
    '1:stdout:l11',
  ]);
});

it('nine million newlines are handed on in many short tasks: 100000 lines, a notice, the newest 10000', () => {
  const limits = { bytes: 10 << 20, liveLines: 100_000, tailLines: 10_000 };
  const lines: GateLine[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const g = new OutputGate(
    limits,
    (line) => lines.push(line),
    (task) => tasks.push(task),
    // A clock that moves 1 ms each time it is read: the slices do not depend on this machine.
    () => clock++,
  );
  g.write(1, 'stdout', '\n'.repeat(9_000_000));
  g.finish(() => {});
  let count = 0;
  for (let task = tasks.shift(); task; task = tasks.shift(), count++) task();
  // Work is handed on in slices of about SLICE_MS: many tasks, not one (real timings: e2e/hostile.spec.ts).
  expect(count).toBeGreaterThan(3);
  expect(lines).toHaveLength(100_000 + 1 + 10_000);
  expect(lines[100_000].text).toBe(
    '[earlier lines of output not shown: past 100000 lines a run keeps only the newest 10000]',
  );
});

it('past the live lines, the newest lines are kept whole across writes, and older writes go', () => {
  const { g, run, texts } = gate({ bytes: 1e9, liveLines: 1, tailLines: 3 });
  g.write(1, 'stdout', 'live\n');
  g.write(1, 'stdout', Array.from({ length: 1000 }, (_, i) => `old${i}\n`).join(''));
  g.write(2, 'stdout', 'b1\nb2\nb3\npart');
  g.write(2, 'stdout', 'ial\n');
  g.finish(() => {});
  run();
  expect(texts()).toEqual([
    '1:stdout:live',
    '2:stderr:[earlier lines of output not shown: past 1 lines a run keeps only the newest 3]',
    '2:stdout:b2',
    '2:stdout:b3',
    '2:stdout:partial',
  ]);
});

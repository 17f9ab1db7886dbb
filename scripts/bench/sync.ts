import type { Page } from '@playwright/test';
import { twoWorkers, type Measure } from './measure';
import { printedNumbers as printed } from './pools';

const uncontended: Measure = {
  name: 'lock_uncontended_vs_cas_store',
  unit: 'x',
  target: '<= 2',
  ok: (v) => v <= 2,
  async run(page) {
    const { ratio } = await printed(
      page,
      `import { Lock } from 'multiprocessing';
const N = 2_000_000;
const word = new Int32Array(new SharedArrayBuffer(4));
const lock = new Lock();
let bare = Infinity, locked = Infinity;
for (let round = 0; round < 7; round++) {
  let t = performance.now();
  for (let i = 0; i < N; i++) { Atomics.compareExchange(word, 0, 0, 1); Atomics.store(word, 0, 0); }
  bare = Math.min(bare, performance.now() - t);
  t = performance.now();
  for (let i = 0; i < N; i++) { lock.acquire(); lock.release(); }
  locked = Math.min(locked, performance.now() - t);
}
print('ratio', locked / bare);`,
    );
    return ratio;
  },
};

const handoffs: Measure = {
  name: 'lock_contended_handoffs',
  unit: '/s',
  target: 'report',
  ok: () => true,
  async run(page) {
    const { rate } = await printed(
      page,
      `import { Process, Lock, Value, Event } from 'multiprocessing';
import { getpid } from 'os';
const go = new Event();
function contend(lock: Lock, last: Value, handoffs: Value, seconds: number) {
  go.wait();
  const me = getpid();
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    lock.acquire();
    if (last.value !== me) { handoffs.value += 1; last.value = me; }
    lock.release();
  }
}
if (__name__ === '__main__') {
  const lock = new Lock(), last = new Value('i', 0), handoffs = new Value('i', 0);
  const ps = [0, 1].map(() => new Process({ target: contend, args: [lock, last, handoffs, 1] }));
  ps.forEach((p) => p.start());
  go.set();
  ps.forEach((p) => p.join());
  print('rate', handoffs.value / 1);
}`,
    );
    return rate;
  },
};

/**
 * A lock-step ping-pong between two processes over two Events, timed on main's clock alone
 * (two Workers' clocks disagree by microseconds): the median round trip, in µs. Without a gap,
 * rounds are timed a hundred at a time, as one is far below the clock's 5 µs resolution.
 */
function eventPingPong(gapMs: number): string {
  const batch = gapMs ? 1 : 100;
  return `import { Process, Event } from 'multiprocessing';
const BATCHES = 60;
const ping = new Event(), pong = new Event();
function echo() {
  for (let r = 0; r < BATCHES * ${batch}; r++) {
    ping.wait();
    ping.clear();
    pong.set();
  }
}
if (__name__ === '__main__') {
  const p = new Process({ target: echo });
  p.start();
  const trips: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    for (const t = performance.now(); performance.now() - t < ${gapMs};);
    const t0 = performance.now();
    for (let r = 0; r < ${batch}; r++) {
      ping.set();
      pong.wait();
      pong.clear();
    }
    trips.push(((performance.now() - t0) * 1000) / ${batch});
  }
  p.join();
  const sorted = trips.slice(10).sort((a, b) => a - b); // the first rounds warm the JIT
  print('roundtrip', sorted[sorted.length >> 1]);
}`;
}

/**
 * Event.set() in one Worker -> the waiter running in another: half the round trip of a
 * lock-step exchange (each side sets as soon as it has run), relative to a postMessage round
 * trip between two Workers measured the same way in the same run.
 */
const wakeLatency: Measure = {
  name: 'event_wake_vs_postmessage_rtt',
  unit: 'x faster',
  target: '>= 5',
  ok: (v) => v >= 5,
  async run(page) {
    const wake = (await printed(page, eventPingPong(0))).roundtrip / 2;
    const rtt = await postMessageRoundTrip(page, 0);
    note(
      `Event wake ${wake.toFixed(1)} µs, postMessage round trip ${rtt.toFixed(1)} µs (lock-step)`,
    );
    return rtt / wake;
  },
};

/** The same, when the waiter has been asleep for 1 ms (no spinning helps): reported. */
const wakeFromSleep: Measure = {
  name: 'event_wake_asleep_waiter',
  unit: 'µs',
  target: 'report',
  ok: () => true,
  async run(page) {
    const wake = (await printed(page, eventPingPong(1))).roundtrip / 2;
    const rtt = await postMessageRoundTrip(page, 1);
    note(`postMessage round trip to an idle Worker ${rtt.toFixed(1)} µs`);
    return wake;
  },
};

function note(text: string): void {
  if (!process.argv.includes('--json')) console.log(`  (${text})`);
}

/** Median µs of a round trip between two Workers over a MessageChannel, `gapMs` apart. */
function postMessageRoundTrip(page: Page, gapMs: number): Promise<number> {
  const code = `onmessage = (e) => {
    const port = e.data.port;
    if (e.data.role === 'echo') { port.onmessage = (m) => port.postMessage(m.data); return; }
    const times = [];
    let t = 0;
    const send = () => { t = performance.now(); port.postMessage(1); };
    port.onmessage = () => {
      times.push((performance.now() - t) * 1000);
      if (times.length === 400) { postMessage(times.slice(50).sort((a, b) => a - b)[175]); return; }
      if (${gapMs}) { for (const s = performance.now(); performance.now() - s < ${gapMs};); }
      send();
    };
    send();
  };`;
  return twoWorkers(page, code, ['ping', 'echo']);
}

export const syncMeasures: Measure[] = [uncontended, handoffs, wakeLatency, wakeFromSleep];

/** Python's `time` module: blocking sleep (Atomics.wait), clocks, and an async sleep. */
import { scaledMs, sleepMs } from '../blocking';
import { ctx } from '../context';
import { sched } from '../sched/hooks';
import { ValueError } from '../errors';

/** Blocks this process for `seconds` (scaled by the run's time scale). */
export function sleep(seconds: number): void {
  if (!(seconds >= 0)) throw new ValueError('sleep length must be non-negative');
  sleepMs(scaledMs(seconds));
}

/** Seconds since the epoch, as a float (in a scheduled run: the run's start plus virtual time). */
export function time(): number {
  return sched ? (ctx().heap.startedAt + sched.now()) / 1000 : Date.now() / 1000;
}

/** A monotonic clock in seconds, for measuring intervals (virtual in a scheduled run). */
export function perfCounter(): number {
  return (sched ? sched.now() : performance.now()) / 1000;
}

/** Alias of perfCounter, as in Python. */
export const monotonic = perfCounter;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Python's ctime: `Tue Nov 24 09:07:18 2026` in local time. */
export function ctime(seconds: number = time()): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, ' ');
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${day} ${clock} ${d.getFullYear()}`;
}

/** Sleeps without blocking the Worker: other async tasks of this process run meanwhile. */
export function sleepAsync(seconds: number): Promise<void> {
  if (!(seconds >= 0)) throw new ValueError('sleep length must be non-negative');
  return new Promise((resolve) => setTimeout(resolve, scaledMs(seconds)));
}

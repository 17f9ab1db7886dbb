import { Process, RawArray, cpuCount } from 'multiprocessing';
import { perfCounter } from 'time';
import { chart } from 'display';
import { countPrimes } from './primes.as';

// 计算密集型:数出 N 以下有多少个素数。同一份工作分给 1 个、2 个、cpuCount() 个进程,
// 量出各自的时间,加速比 = 1 个进程的时间 / n 个进程的时间。
// CPU-bound work: count the primes below N. The same job split over 1, 2 and cpuCount()
// processes; speed-up = time with 1 process / time with n.
const N = 4_000_000;
// 小块轮流分:大的数比小的数难算,切成两半的话后一半要多花一倍时间。
// Small chunks dealt in turn: large numbers cost more to test than small ones, so two plain
// halves would leave the first process idle while the second still works.
const CHUNK = 100_000;

function worker(k: number, n: number, found: RawArray) {
  let count = 0;
  for (let from = k * CHUNK; from < N; from += n * CHUNK) {
    count += countPrimes(from, Math.min(from + CHUNK, N)); // AssemblyScript: primes.as.ts
  }
  found[k] = count;
}

/** Runs the job on n processes: [seconds, primes found]. */
function timeWith(n: number): [number, number] {
  const found = new RawArray('i', n);
  const start = perfCounter();
  const processes: Process[] = [];
  for (let k = 0; k < n; k++) {
    const p = new Process({ target: worker, args: [k, n, found] });
    p.start();
    processes.push(p);
  }
  processes.forEach((p) => p.join());
  const seconds = perfCounter() - start;
  return [seconds, found.toArray().reduce((a, b) => a + b, 0)];
}

if (__name__ === '__main__') {
  print(`cpuCount() = ${cpuCount()}`);
  const sizes = [...new Set([1, 2, cpuCount()])];
  const speedUps: number[] = [];
  let alone = 0;
  for (const n of sizes) {
    const [seconds, primes] = timeWith(n);
    if (n === 1) alone = seconds;
    const speedUp = alone / seconds;
    speedUps.push(speedUp);
    const name = n === 1 ? 'process' : 'processes';
    print(
      `${n} ${name}: ${seconds.toFixed(3)} s, ${primes} primes below ${N}, speed-up ${speedUp.toFixed(2)}x`,
    );
    // 每量完一次就重画图表(同一个 title)。Redrawn after each measurement (same title).
    chart(
      { measured: speedUps, ideal: sizes.slice(0, speedUps.length) },
      {
        labels: sizes
          .slice(0, speedUps.length)
          .map((m) => `${m} ${m === 1 ? 'process' : 'processes'}`),
        title: 'speed-up over 1 process',
        yLabel: 'times faster',
      },
    );
  }
}

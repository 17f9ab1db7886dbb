import { Process, RawArray, cpuCount } from 'multiprocessing';
import { perfCounter } from 'time';
import { chart } from 'display';
import { sumSquares, sumSquaresSimd } from './squares.as';

// 你的第一个 WebAssembly 内核:squares.as.ts 是 AssemblyScript,页面把它编译成 WebAssembly,
// 每个进程都在同一块共享内存上运行它。同一份工作分给 1 个和 2 个进程,量出加速比。
// Your first WebAssembly kernel: squares.as.ts is AssemblyScript, compiled to WebAssembly in
// the page, and every process runs it on the same shared memory. The same job on 1 and on 2
// processes: the speed-up is measured.
// 数组不大(512 KB):每个进程的一半留在自己核心的缓存里,速度由计算决定,不由内存带宽决定。
// A small array (512 KB), summed many times: each process's half stays in its own core's
// cache, so the time is arithmetic, not memory bandwidth the two cores would share.
const N = 1 << 16;
const ROUNDS = 12_000;

type Kernel = (data: RawArray, from: number, to: number) => number;
const KERNELS: Record<string, Kernel> = { sumSquares, sumSquaresSimd };

function worker(kernel: string, k: number, n: number, data: RawArray, sums: RawArray) {
  // 每个进程算自己那一段:[k*N/n, (k+1)*N/n)。Each process sums its own slice.
  const from = Math.floor((k * N) / n);
  const to = Math.floor(((k + 1) * N) / n);
  let sum = 0;
  for (let r = 0; r < ROUNDS; r++) sum += KERNELS[kernel](data, from, to);
  sums[k] = sum;
}

/** The job on n processes: [seconds, total]. */
function timeWith(kernel: string, n: number, data: RawArray): [number, number] {
  const sums = new RawArray('d', n);
  const start = perfCounter();
  const processes: Process[] = [];
  for (let k = 0; k < n; k++) {
    const p = new Process({ target: worker, args: [kernel, k, n, data, sums] });
    p.start();
    processes.push(p);
  }
  processes.forEach((p) => p.join());
  return [perfCounter() - start, sums.toArray().reduce((a, b) => a + b, 0)];
}

if (__name__ === '__main__') {
  const data = new RawArray('d', N);
  for (let i = 0; i < N; i++) data[i] = (i % 1000) / 1000;
  print(`cpuCount() = ${cpuCount()}`);
  const speedUps: number[] = [];
  for (const kernel of Object.keys(KERNELS)) {
    const [alone, total] = timeWith(kernel, 1, data);
    const [both, total2] = timeWith(kernel, 2, data);
    const speedUp = alone / both;
    speedUps.push(speedUp);
    print(
      `${kernel}: 1 process ${alone.toFixed(3)} s, 2 processes ${both.toFixed(3)} s, ` +
        `speed-up ${speedUp.toFixed(2)}x, same total: ${total.toFixed(3) === total2.toFixed(3)}`,
    );
  }
  chart(
    { 'speed-up': speedUps, ideal: [2, 2] },
    { labels: Object.keys(KERNELS), title: '2 processes vs 1', yLabel: 'times faster' },
  );
}

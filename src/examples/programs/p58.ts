import { Process, RawArray, Value, cpuCount } from 'multiprocessing';
import { getpid } from 'os';
import { perfCounter } from 'time';
import { image } from 'display';
import { mandelbrotRows } from './mandelbrot.as';

// 几个进程一起画一张 Mandelbrot 图,直接写进共享内存;页面一边算一边画。
// Several processes draw one Mandelbrot image straight into shared memory; the page shows it
// while they work.
const W = 800;
const H = 560;
const MAX_ITER = 3000;
// 动态分块:谁空了谁就从共享计数器领下 ROWS 行。中间几行(集合内部)比边上难算得多,
// 固定地切成几条会有人早早闲下来。
// Dynamic chunks: whoever is free takes the next ROWS rows from a shared counter. The middle
// rows (inside the set) cost far more than the edges, so fixed bands would leave some idle.
const ROWS = 4;

function draw(pixels: RawArray, owner: RawArray, nextRow: Value) {
  let rows = 0;
  for (;;) {
    // 领行号要在锁里:读和加是两步,不加锁两个进程会领到同一块。
    // Taking a row number is a read and a write: under the lock, or two processes take the same.
    const y = nextRow.getLock().withLock(() => {
      const row = nextRow.value;
      nextRow.value = row + ROWS;
      return row;
    });
    if (y >= H) break;
    const end = Math.min(y + ROWS, H);
    mandelbrotRows(pixels, W, H, y, end, MAX_ITER); // mandelbrot.as.ts, on the shared array
    for (let row = y; row < end; row++) owner[row] = getpid(); // tints these rows on the page
    rows += end - y;
  }
  print(`pid ${getpid()} drew ${rows} rows`);
}

if (__name__ === '__main__') {
  const pixels = new RawArray('i', W * H); // iteration counts, one per pixel
  const owner = new RawArray('i', H); // the pid that drew each row (0: not drawn yet)
  const nextRow = new Value('i', 0);
  image(pixels, W, H, {
    // 颜色铺在 0..64 次上:大多数点几次就逃逸;64 次以上(包括集合本身)是黑色。
    // Colours spread over 0..64 iterations, where most points escape; 64 and more is black.
    max: 64,
    palette: ['#000764', '#206bcb', '#edffff', '#ffaa00', '#000000'],
    tintRows: owner,
    title: 'Mandelbrot, rows tinted by the pid that drew them',
  });
  const n = Math.max(2, cpuCount());
  const start = perfCounter();
  const processes: Process[] = [];
  for (let k = 0; k < n; k++) {
    const p = new Process({ target: draw, args: [pixels, owner, nextRow] });
    p.start();
    processes.push(p);
  }
  processes.forEach((p) => p.join());
  print(`${n} processes drew ${W}x${H} in ${(perfCounter() - start).toFixed(3)} s`);
}

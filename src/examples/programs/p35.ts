import { Thread } from 'threading';
import { time } from 'time';

// 文章数到 1 亿(100,000,000):CPython 要好几秒,JS 的 JIT 只要约 0.05 秒,比启动一个线程
// (Worker)还短。这里数到 20 亿,让计数而不是启动时间占大头。
// The article counts to 100,000,000, which takes CPython seconds and JS about 0.05 s, less
// than starting a Worker; counting to 2,000,000,000 makes the count, not the start, dominate.
const N = 2_000_000_000;

function myCounter() {
  let i = 0;
  for (let _ = 0; _ < N; _++) {
    i = i + 1;
  }
  print(`counted ${i}`); // 让结果可见,JIT 就不能把循环删掉
  return true;
}

function main() {
  const threadArray: Record<number, Thread> = {};
  const startTime = time();
  for (let tid = 0; tid < 2; tid++) {
    const t = new Thread({ target: myCounter });
    t.start();
    t.join();
  }
  const endTime = time();
  print(`Total time: ${endTime - startTime}`);
}

if (__name__ === '__main__') {
  main();
}

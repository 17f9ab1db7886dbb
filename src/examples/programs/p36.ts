import { Thread } from 'threading';
import { time, perfCounter, sleepAsync } from 'time';

// 和 p35 一样数到 20 亿(文章是 1 亿,JS 太快,见 p35 的注释)。
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
    threadArray[tid] = t;
  }
  for (let i = 0; i < 2; i++) {
    threadArray[i].join();
  }
  const endTime = time();
  print(`Total time: ${endTime - startTime}`);
}

// ---- 第二部分(文章没有):JS 里 GIL 的对应物 ----
// 浏览器里没有 GIL:两个线程是两个 Worker,真的同时在两个核上跑,所以上面约是 p35 的一半时间。
// JS 自己的"一次只跑一个"在一个 Worker 之内:async 任务共用一个事件循环,会交替(await 处
// 让出),但从不并行。下面两个任务各把计数分 4 段,段之间 await 让出:输出交替,总时间却是
// 两者之和。
// Part 2 (not in the article): JS's counterpart of the GIL. Async tasks in ONE Worker share
// its event loop: they interleave at each await, but never run in parallel.
function countTo(n: number) {
  let i = 0;
  for (let _ = 0; _ < n; _++) {
    i = i + 1;
  }
  return i;
}

async function asyncCounter(name: string) {
  let i = 0;
  for (let part = 1; part <= 4; part++) {
    await sleepAsync(0); // 让出:另一个任务可以接着跑
    i += countTo(N / 4); // 这一段计数时,另一个任务一步也走不了
    print(`${name}: part ${part} done`);
  }
  return i;
}

async function gilInJs() {
  let t0 = perfCounter();
  await asyncCounter('alone');
  const alone = perfCounter() - t0;
  print(`one async task alone: ${alone.toFixed(2)} s`);
  t0 = perfCounter();
  await Promise.all([asyncCounter('A'), asyncCounter('B')]);
  const both = perfCounter() - t0;
  print(`two async tasks in one Worker: ${both.toFixed(2)} s (${(both / alone).toFixed(2)} x one)`);
}

if (__name__ === '__main__') {
  main();
  await gilInJs();
}

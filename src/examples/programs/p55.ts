// vthread 是第三方库,浏览器里没有。它的 @vthread.pool(n) 装饰器让每次调用都交给一个 n 个
// 线程的池去跑;这里 pool(n, gqueue) 返回一个做同样事情的函数,用 ThreadPoolExecutor(n)
// 实现:foolfunc1(i) 写成 pool_1(foolfunc1, i)。
// The vthread library does not exist here: pool(n, gqueue) hands each call to a
// ThreadPoolExecutor(n), as @vthread.pool(n) does; foolfunc1(i) becomes pool_1(foolfunc1, i).
import { ThreadPoolExecutor } from 'concurrent.futures';
import { sleep } from 'time'; // 文章漏了 import time

function pool(n: number, gqueue: number) {
  // 池在第一次调用时(在主线程里)才创建:池里的线程也会加载本程序的声明,
  // 这样它们不会各自再建一个池。Created at the first call, in the main thread only.
  let executor: ThreadPoolExecutor | null = null;
  return <A extends unknown[]>(fn: (...args: A) => void, ...args: A) => {
    executor ??= new ThreadPoolExecutor(n, `pool_${gqueue}`);
    executor.submit(fn, ...args);
  };
}

const pool_1 = pool(5, 1); // open a threadpool with 5 threads named 1
const pool_2 = pool(2, 2); // open a threadpool with 2 threads named 2

// @pool_1
function foolfunc1(num: number) {
  sleep(1);
  print(`foolstring1, test3 foolnumb1:${num}`);
}

// @pool_2
function foolfunc2(num: number) {
  sleep(1);
  print(`foolstring2, test3 foolnumb2:${num}`);
}

// @pool_2
function foolfunc3(num: number) {
  sleep(1);
  print(`foolstring3, test3 foolnumb3:${num}`);
}

for (let i = 0; i < 10; i++) {
  pool_1(foolfunc1, i);
}
for (let i = 0; i < 4; i++) {
  pool_2(foolfunc2, i);
}
for (let i = 0; i < 2; i++) {
  pool_2(foolfunc3, i);
}

import { Process } from 'multiprocessing';

let n = 100;
// 子进程初始化的时候n=100,但进程之间的内存空间是隔离的,所以子进程更改n,不影响主中的n
function task() {
  n = 0; // global n
  print(`子进程内 n: ${n}`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: task });
  p.start();
  p.join();

  print(`主 n: ${n}`);
}

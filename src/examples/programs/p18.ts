import { Process } from 'multiprocessing';

let n: number; // Python 在 __main__ 块里赋值的全局变量 n

function work() {
  n = 0; // global n
  print('子进程内: ', n);
}

if (__name__ === '__main__') {
  n = 100;
  const p = new Process({ target: work });
  p.start();
  print('主进程内: ', n);
}

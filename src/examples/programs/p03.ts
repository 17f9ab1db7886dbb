import { getpid } from 'os';
import { Process } from 'multiprocessing';

function f(x: number) {
  // 文章的笔误:两处都是 getpid(),所以两个数字都是子进程自己的 pid
  print('子程序id', getpid(), '父程序id:', getpid());
  return x * x;
}

if (__name__ === '__main__') {
  print('主进程id:', getpid());

  const pLst: Process[] = [];
  for (let i = 0; i < 5; i++) {
    const p = new Process({ target: f, args: [i] });
    p.start();
  }
}

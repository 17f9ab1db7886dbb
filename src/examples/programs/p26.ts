// 文章只有这句话,没有代码:守护进程内无法再开启子进程,否则抛出异常
import { Process } from 'multiprocessing';

function grandchild() {
  print('孙子进程在运行');
}

function task() {
  print('守护进程在运行');
  const p = new Process({ target: grandchild });
  p.start(); // AssertionError: daemonic processes are not allowed to have children
  print('守护进程开启了子进程');
}

if (__name__ === '__main__') {
  const p = new Process({ target: task });
  p.daemon = true;
  p.start();
  p.join();
  print('守护进程的退出码:', p.exitCode);
}

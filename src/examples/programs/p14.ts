import { Process, currentProcess, activeChildren } from 'multiprocessing';
import { getpid, getppid } from 'os';
import { sleep } from 'time';

function test(name: string) {
  print(`${name} is running`, currentProcess().pid);
  print(`${name} run`, getpid(), getppid());
  sleep(1);
  print(`${name} is over`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: test, args: ['lolo'] });
  p.start();
  p.terminate(); // 杀死当前进程 其实是告诉操作系统帮你杀死一个进程
  print(p.isAlive()); // 判断进程是否存活
  print('主', getpid(), getppid());
}

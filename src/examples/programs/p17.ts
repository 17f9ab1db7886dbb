import { Process } from 'multiprocessing';
import { sleep } from 'time';

function task(name: string) {
  print(`${name} is running`);
  sleep(3);
  print(`${name} is done`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: task, args: ['子进程1'] });
  p.start();

  // 需要基于子进程的执行结果,才能往下执行
  p.join(); // 主进程blocking,子进程正常执行完,主进程往下执行

  print('主...');
  print(p.pid);
}

import { sleep } from 'time';
import { Process } from 'multiprocessing';

function f(name: string) {
  print('hello', name);
  print('我是子进程');
}

if (__name__ === '__main__') {
  const p = new Process({ target: f, args: ['bbb'] });
  p.start();
  sleep(1);
  print('执行主程序的内容了');
}

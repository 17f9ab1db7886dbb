import { sleep } from 'time';
import { Process } from 'multiprocessing';

function f(name: string) {
  print('hello', name);
  sleep(1);
  print('我是子进程');
}

if (__name__ === '__main__') {
  const p = new Process({ target: f, args: ['bbb'] });
  p.start();
  p.join();
  print('我是父进程');
}

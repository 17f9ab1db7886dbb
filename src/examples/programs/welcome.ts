import { Process } from 'multiprocessing';
import { sleep } from 'time';
import { getpid, getppid } from 'os';

function task(name: string) {
  print(`${name} is running, pid ${getpid()}, parent ${getppid()}`);
  sleep(1);
  print(`${name} is done`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: task, args: ['child'] });
  p.start();
  print('main', getpid());
  p.join();
  print('exit code', p.exitCode);
}

import { sleep } from 'time';
import { Process } from 'multiprocessing';

function f(name: string) {
  print('hello', name);
  sleep(1);
}

if (__name__ === '__main__') {
  const pLst: Process[] = [];
  for (let i = 0; i < 5; i++) {
    const p = new Process({ target: f, args: ['bob'] });
    p.start();
    pLst.push(p);
  }
}

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
  // pLst.forEach((p) => p.join()); // Python: [p.join() for p in p_lst]
  print('父进程在执行');
}

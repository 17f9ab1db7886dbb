import { Process } from 'multiprocessing';
import { sleep } from 'time';

function test(name: string, i: number) {
  print(`${name} is running`);
  sleep(i);
  print(`${name} is over`);
}

if (__name__ === '__main__') {
  const pList: Process[] = [];
  for (let i = 0; i < 3; i++) {
    const p = new Process({ target: test, args: [`进程${i}`, i] });
    p.start();
    pList.push(p);
  }
  for (const p of pList) {
    p.join();
  }
  const p1 = new Process({ target: test, args: ['dodo', 2] });
  const p2 = new Process({ target: test, args: ['lolo', 1] });
  p1.start();
  p2.start();
  p1.join();
}

import { Thread } from 'threading';
import { sleep, ctime } from 'time';

const loops = [1, 2, 3, 4];

class MyThread extends Thread {
  func: (...args: number[]) => void;
  args: number[];
  constructor(func: (...args: number[]) => void, args: number[], name = '') {
    super();
    this.name = name;
    this.func = func;
    this.args = args;
  }
  override run() {
    this.func(...this.args);
  }
}

function loop(nloop: number, nsec: number) {
  print('开始循环', nloop, '在:', String(ctime()));
  sleep(nsec);
  print('结束循环', nloop, '于:', String(ctime()));
}

function main() {
  print('程序开始于:', String(ctime()));
  const threads: MyThread[] = [];
  const nloops = loops.map((_, i) => i); // range(len(loops))
  for (const i of nloops) {
    const t = new MyThread(loop, [i, loops[i]], loop.name);
    threads.push(t);
  }
  for (const i of nloops) {
    threads[i].start();
  }
  for (const i of nloops) {
    threads[i].join();
  }
  print('所有的任务完成于:', String(ctime()));
}

if (__name__ === '__main__') {
  main();
}

import { Thread } from 'threading';
import { sleep, ctime } from 'time';

const loops = [1, 2, 3, 4];

// Python 的 __call__ 在这里是 call() 方法:Thread 在新线程里调用 target.call()。
class ThreadFunc {
  name: string;
  func: (...args: number[]) => void;
  args: number[];
  constructor(func: (...args: number[]) => void, args: number[], name = '') {
    this.name = name;
    this.func = func;
    this.args = args;
  }
  call() {
    this.func(...this.args);
  }
}

function loop(nloop: number, nsec: number) {
  print('开始循环', nloop, '在:' + String(ctime()));
  sleep(nsec);
  print('结束循环', nloop, '于:' + String(ctime()));
}

function main() {
  print('程序开始于:' + String(ctime()));
  const threads: Thread[] = [];
  const nloops = loops.map((_, i) => i); // range(len(loops))
  for (const i of nloops) {
    const t = new Thread({ target: new ThreadFunc(loop, [i, loops[i]], loop.name) }); //传递一个可调用类的实例
    threads.push(t);
  }
  for (const i of nloops) {
    threads[i].start(); //开始所有的线程
  }
  for (const i of nloops) {
    threads[i].join(); //等待所有的线程执行完毕
  }
  print('任务完成于:' + String(ctime()));
}

if (__name__ === '__main__') {
  main();
}

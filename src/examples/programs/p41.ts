import { Thread } from 'threading';
import { SharedArray } from 'multiprocessing';

// 文章的 counter = [0] 是所有线程共享的同一个列表。这里的线程是 Web Worker,各有一份全局
// 变量和普通数组,所以换成共享内存里的 SharedArray('i', [0])(用普通的 [0],每个线程都打印 1)。
class MyThread extends Thread {
  counter: SharedArray;
  constructor(counter: SharedArray, name: number) {
    super();
    this.counter = counter;
    this.name = String(name);
  }
  override run() {
    this.counter[0] += 1;
    print(this.counter[0]);
  }
}

if (__name__ === '__main__') {
  const counter = new SharedArray('i', [0]); // counter = [0]
  for (let i = 1; i < 11; i++) {
    const t = new MyThread(counter, i);
    t.start();
  }
}

import { Thread } from 'threading';
import { SharedArray } from 'multiprocessing';
import { sleep } from 'time';

// p41 加上 sleep(1):自增之后、打印之前睡一秒。counter 同样是共享内存里的 SharedArray。
class MyThread extends Thread {
  counter: SharedArray;
  constructor(counter: SharedArray, name: number) {
    super();
    this.counter = counter;
    this.name = String(name);
  }
  override run() {
    this.counter[0] += 1;
    sleep(1);
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

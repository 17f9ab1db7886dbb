import { Thread, Lock } from 'threading';
import { SharedArray } from 'multiprocessing';
import { sleep } from 'time';

// counter 是共享内存里的 SharedArray(线程是 Worker,不共享普通列表)。
class MyThread extends Thread {
  counter: SharedArray;
  lock: Lock;
  constructor(counter: SharedArray, name: number, lock: Lock) {
    super();
    this.counter = counter;
    this.name = String(name);
    this.lock = lock;
  }
  override run() {
    this.lock.acquire();
    this.counter[0] += 1;
    sleep(1);
    print(this.counter[0]);
    this.lock.release();
    // 锁也可以用 with lock: 来加锁,这里写作
    // this.lock.withLock(() => { ... });
  }
}

if (__name__ === '__main__') {
  const counter = new SharedArray('i', [0]); // counter = [0]
  const lock = new Lock();
  // 文章开 99 个线程(range(1,100)),要跑 99 秒;一次运行最多 64 个活着的进程/线程,
  // 这里开 20 个。
  for (let i = 1; i < 21; i++) {
    const t = new MyThread(counter, i, lock);
    t.start();
  }
}

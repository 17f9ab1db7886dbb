import { Thread, Condition } from 'threading';
import { SharedArray } from 'multiprocessing';
import { sleep } from 'time';

// 文章在 __main__ 里创建 con,run() 里却用全局的 con。线程是 Worker,看不到 __main__ 里的
// 变量,所以这里在顶层创建 con:顶层创建的同步对象和线程共享(如同 fork)。
const con = new Condition();

class MyThread extends Thread {
  counter: SharedArray;
  con: Condition;
  constructor(counter: SharedArray, name: number, con: Condition) {
    super();
    this.counter = counter;
    this.name = String(name);
    this.con = con;
  }
  override run() {
    this.con.acquire();
    this.counter[0] += 1;
    sleep(1);
    print(this.counter[0]);
    con.notify();
    con.wait();
    this.con.release();
  }
}

if (__name__ === '__main__') {
  const counter = new SharedArray('i', [0]); // counter = [0],放在共享内存里
  // 文章开 99 个线程;一次运行最多 64 个活着的进程/线程,这里开 20 个。
  for (let i = 1; i < 21; i++) {
    const t = new MyThread(counter, i, con);
    t.start();
  }
}

// 文章只用文字介绍了 RLock,没有代码;这是一个最小的例子。
import { Thread, RLock, Event } from 'threading';
import { sleep } from 'time';

const rlock = new RLock(); // 顶层创建的锁,线程之间共享(如同 fork)
const held = new Event();

function owner() {
  rlock.acquire();
  print('owner: 第一层 acquire');
  rlock.acquire(); // 同一个线程再 acquire 不会阻塞,也不会报错,锁的层级加深一层
  print('owner: 第二层 acquire,没有阻塞');
  held.set();
  sleep(1);
  print('owner: 释放第二层,锁还没解开');
  rlock.release();
  sleep(1);
  print('owner: 释放第一层,锁解开了');
  rlock.release();
}

function other() {
  held.wait();
  print('other: 等 owner 释放锁...');
  rlock.acquire();
  print('other: 拿到锁了');
  rlock.release();
}

if (__name__ === '__main__') {
  const t1 = new Thread({ target: owner, name: 'owner' });
  const t2 = new Thread({ target: other, name: 'other' });
  t1.start();
  t2.start();
  t1.join();
  t2.join();
}

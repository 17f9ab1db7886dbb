import { Process, Lock } from 'multiprocessing';
import { sleep } from 'time';
import { randint } from 'random';

function task1(lock: Lock) {
  // 上锁
  lock.acquire(); // 就等同于一个if判断
  print('你好,阿森。。。');
  sleep(randint(0, 3));
  print('吃饭');
  sleep(randint(0, 3));
  print('下雨');
  // 解锁
  lock.release();
}

function task2(lock: Lock) {
  lock.acquire();
  print('你好,阿三。。。');
  sleep(randint(0, 3));
  print('吃面');
  sleep(randint(0, 3));
  print('下雪');
  lock.release();
}

function task3(lock: Lock) {
  lock.acquire();
  print('你好,阿四。。。');
  sleep(randint(0, 3));
  print('吃米');
  sleep(randint(0, 3));
  print('下冰雹');
  lock.release();
}

if (__name__ === '__main__') {
  const lock = new Lock();
  const p1 = new Process({ target: task1, args: [lock] });
  const p2 = new Process({ target: task2, args: [lock] });
  const p3 = new Process({ target: task3, args: [lock] });
  p1.start();
  p2.start();
  p3.start();
}

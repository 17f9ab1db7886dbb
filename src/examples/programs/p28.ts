import { Process } from 'multiprocessing';
import { sleep } from 'time';

function task1() {
  print('你好,阿森。。。');
  sleep(3);
  print('吃饭');
  sleep(3);
  print('下雨');
}

function task2() {
  print('你好,阿三。。。');
  sleep(3);
  print('吃面');
  sleep(3);
  print('下雪');
}

function task3() {
  print('你好,阿四。。。');
  sleep(3);
  print('吃米');
  sleep(3);
  print('下冰雹');
}

if (__name__ === '__main__') {
  const p1 = new Process({ target: task1 });
  const p2 = new Process({ target: task2 });
  const p3 = new Process({ target: task3 });
  p1.start();
  p1.join();
  p2.start();
  p2.join();
  p3.start();
  p3.join();
}

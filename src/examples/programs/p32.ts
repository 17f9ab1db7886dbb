import { Process, Lock } from 'multiprocessing';
import { sleep } from 'time';
import { randint } from 'random';

function task1(lock: Lock) {
  lock.acquire();
  print('task1:名字是egon');
  sleep(randint(1, 3));
  print('task1:性别是male');
  sleep(randint(1, 3));
  print('task1:年龄是18');
  lock.release();
}

function task2(lock: Lock) {
  lock.acquire();
  print('task2:名字是alex');
  sleep(randint(1, 3));
  print('task2:性别是male');
  sleep(randint(1, 3));
  print('task2:年龄是78');
  lock.release();
}

function task3(lock: Lock) {
  lock.acquire();
  print('task3:名字是lxx');
  sleep(randint(1, 3));
  print('task3:性别是female');
  sleep(randint(1, 3));
  print('task3:年龄是30');
  lock.release();
}

if (__name__ === '__main__') {
  const mutex = new Lock(); // the article uses `mutex` without creating it
  const p1 = new Process({ target: task1, args: [mutex] });
  const p2 = new Process({ target: task2, args: [mutex] });
  const p3 = new Process({ target: task3, args: [mutex] });

  p1.start();
  p2.start();
  p3.start();
}

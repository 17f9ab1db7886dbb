import { Thread } from 'threading';
import { Queue } from 'queue';
import { sleep } from 'time';

const q = new Queue();

function consumer() {
  while (true) {
    const res = q.get();
    sleep(2);
    print(`消费者消费了\x1b[35m${res}\x1b[0m`);
    q.taskDone();
  }
}

function producer0() {
  for (let i = 0; i < 5; i++) {
    q.put(i);
    print(`生产者0生产了\x1b[35m${i}\x1b[0m`);
  }
  q.join();
}

function producer1() {
  for (let i = 0; i < 5; i++) {
    q.put(i);
    print(`生产者1生产了\x1b[32m${i}\x1b[0m`);
  }
  q.join();
}

function producer2() {
  for (let i = 0; i < 5; i++) {
    q.put(i);
    print(`生产者2生产了\x1b[33m${i}\x1b[0m`);
  }
  q.join();
}

if (__name__ === '__main__') {
  const t0 = new Thread({ target: producer0 });
  const t1 = new Thread({ target: producer1 });
  const t2 = new Thread({ target: producer2 });
  t0.start();
  t1.start();
  t2.start();
  const consumerT = new Thread({ target: consumer });
  consumerT.daemon = true;
  consumerT.start();
  t0.join();
  t1.join();
  t2.join();
  print('主线程~');
}

import { Process, Queue } from 'multiprocessing';
import { sleep } from 'time';
import { randint } from 'random';

// 文章的颜色码丢了反斜杠(33[46m ... 33[0m),这里去掉了。

function consumer(name: string, q: Queue<string>) {
  while (true) {
    const res = q.get();
    sleep(randint(1, 3));
    print(`消费者===》${name} 吃了 ${res}`);
  }
}

function producer(name: string, q: Queue<string>, food: string) {
  for (let i = 0; i < 5; i++) {
    sleep(randint(1, 2));
    const res = `${food}${i}`;
    q.put(res);
    print(`生产者者===》${name} 生产了 ${res}`);
  }
}

if (__name__ === '__main__') {
  //1、共享的盆
  const q = new Queue<string>();

  //2、生产者们
  const p1 = new Process({ target: producer, args: ['egon', q, '包子'] });
  const p2 = new Process({ target: producer, args: ['刘清政', q, '泔水'] });
  const p3 = new Process({ target: producer, args: ['杨军', q, '米饭'] });

  //3、消费者们
  const c1 = new Process({ target: consumer, args: ['alex', q] });
  const c2 = new Process({ target: consumer, args: ['梁书东', q] });

  p1.start();
  p2.start();
  p3.start();
  c1.start();
  c2.start();
}

// 文章只用文字介绍了三种队列和它们的方法,没有代码;这是一个最小的例子。
import { Queue, LifoQueue, PriorityQueue, Empty, Full } from 'queue';
import { Thread } from 'threading';
import { sleep } from 'time';

function worker(q: Queue<number>) {
  while (true) {
    const item = q.get();
    sleep(0.5);
    print('处理完', item);
    q.taskDone(); // 这个 item 处理完了
  }
}

if (__name__ === '__main__') {
  // 1. 放进同样的 (priority, data),看谁先出来
  const entries: [number, string][] = [
    [3, '三'],
    [1, '一'],
    [2, '二'],
  ];
  const kinds: [string, Queue<[number, string]>][] = [
    ['Queue (FIFO):', new Queue()],
    ['LifoQueue (LIFO):', new LifoQueue()],
    ['PriorityQueue:', new PriorityQueue()],
  ];
  for (const [kind, q] of kinds) {
    for (const entry of entries) q.put(entry);
    const out: [number, string][] = [];
    while (!q.empty()) out.push(q.get());
    print(kind, out);
  }

  // 2. maxsize 小于 1:队列的长度无限长
  for (const maxsize of [0, -1]) {
    const q = new Queue(maxsize);
    for (let i = 0; i < 1000; i++) q.put(i);
    print(`Queue(${maxsize}): qsize ${q.qsize()}, full ${q.full()}`);
  }

  // 3. block=False:队列满时 put、队列空时 get 引发异常;timeout 到了也一样
  const q = new Queue(2);
  q.put('a');
  q.put('b');
  try {
    q.put('c', false);
  } catch (e) {
    print('put(block=False) on a full queue:', (e as Error).name, e instanceof Full);
  }
  q.get();
  q.get();
  try {
    q.get(false);
  } catch (e) {
    print('get(block=False) on an empty queue:', (e as Error).name, e instanceof Empty);
  }
  try {
    q.get(true, 0.5);
  } catch (e) {
    print('get(timeout=0.5) on an empty queue:', (e as Error).name); // 文章说 Full,其实是 Empty
  }

  // 4. task_done 和 join:join 一直阻塞,直到每个 item 都调用了 task_done
  const jobs = new Queue<number>();
  const t = new Thread({ target: worker, args: [jobs], daemon: true });
  t.start();
  for (let i = 0; i < 3; i++) jobs.put(i);
  jobs.join();
  print('join 返回了:3 个任务都 task_done 了');
}

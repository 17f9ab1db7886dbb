import { Process, Value } from 'multiprocessing';

// 当一回调度器:两个进程各给计数器加 3 次,总数应该是 6。
// 按工具栏的"单步"(Step)一步一步地运行,每一步由你决定轮到哪个进程。
// 打开"细粒度"后,c.value = c.value + 1 是两步:先读,再写。你能让它丢掉一次更新吗?
// Be the scheduler: two processes add 1 to a counter three times each, so the total is 6.
// Press "Step" in the toolbar and choose who moves at every step. With "Fine steps" on,
// c.value = c.value + 1 is two steps: a read, then a write. Can you make it lose an update?
const TIMES = 3;

function work(c: Value) {
  for (let i = 0; i < TIMES; i++) {
    c.value = c.value + 1; // 先读,再写 / a read, then a write
  }
}

if (__name__ === '__main__') {
  const c = new Value('i', 0);
  const ps = [new Process({ target: work, args: [c] }), new Process({ target: work, args: [c] })];
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  print('total', c.value);
  if (c.value !== 2 * TIMES) throw new Error(`lost an update: the total is ${c.value}, not 6`);
}

import { Barrier, Process, RawValue } from 'multiprocessing';
import { addPlain, addAtomic } from './counter.as';

// WebAssembly 里的竞争:两个进程各给同一个共享计数器加 1000 万次。
// A race inside WebAssembly: two processes each add one to the same shared counter ten
// million times.
const TIMES = 10_000_000;

// 两个进程在栅栏处会合后同时开始:否则先启动的那个可能在另一个启动前就算完了。
// The two meet at a barrier and start together: else the first to start could finish before
// the second has started.
function plain(counter: RawValue, start: Barrier) {
  start.wait();
  addPlain(counter, TIMES); // load, add, store: 会丢 / loses updates
}

function atomic(counter: RawValue, start: Barrier) {
  start.wait();
  addAtomic(counter, TIMES); // atomic.add: 一次也不丢 / never loses one
}

function race(target: (counter: RawValue, start: Barrier) => void): number {
  const counter = new RawValue('i', 0);
  const start = new Barrier(2);
  const processes = [0, 1].map(() => new Process({ target, args: [counter, start] }));
  processes.forEach((p) => p.start());
  processes.forEach((p) => p.join());
  return counter.value;
}

if (__name__ === '__main__') {
  const expected = 2 * TIMES;
  const lost = expected - race(plain);
  print(`load/store: ${expected - lost} of ${expected}, lost ${lost} updates`);
  const total = race(atomic);
  print(`atomic.add: ${total} of ${expected}, lost ${expected - total} updates`);
}

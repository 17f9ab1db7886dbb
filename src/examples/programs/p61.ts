import { Process, RawValue } from 'multiprocessing';
import { addPlain, addAtomic } from './counter.as';

// WebAssembly 里的竞争:两个进程各给同一个共享计数器加 100 万次。
// A race inside WebAssembly: two processes each add one to the same shared counter a
// million times.
const TIMES = 1_000_000;

function plain(counter: RawValue) {
  addPlain(counter, TIMES); // load, add, store: 会丢 / loses updates
}

function atomic(counter: RawValue) {
  addAtomic(counter, TIMES); // atomic.add: 一次也不丢 / never loses one
}

function race(target: (counter: RawValue) => void): number {
  const counter = new RawValue('i', 0);
  const processes = [0, 1].map(() => new Process({ target, args: [counter] }));
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

import { Process } from 'multiprocessing';

let money = 100;

function test() {
  money = 888; // global money
}

if (__name__ === '__main__') {
  const p = new Process({ target: test });
  p.start();
  p.join();
  print(money);
}

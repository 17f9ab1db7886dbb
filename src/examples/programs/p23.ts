import { Process } from 'multiprocessing';
import { sleep } from 'time';

function teat(name: string) {
  print(`${name} 在`);
  sleep(1);
  print(`${name} 不在`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: teat, args: ['coco'] });
  p.daemon = true;
  p.start();
  // p.daemon = true;
  sleep(0.1);
  print('老板不在');
}

import { Process } from 'multiprocessing';
import { sleep } from 'time';

class MyProcess extends Process {
  constructor(name: string) {
    super();
    this.name = name;
  }
  override run() {
    print(`${this.name} is running`);
    sleep(2);
    print(`${this.name} is over`);
  }
}

if (__name__ === '__main__') {
  const p = new MyProcess('coco');
  p.start();
  print('主');
}

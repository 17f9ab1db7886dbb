import { getpid } from 'os';
import { Process } from 'multiprocessing';

class MyProcess extends Process {
  constructor(name: string) {
    super();
    this.name = name;
  }
  override run() {
    print(getpid());
    print(`${this.name} 正在和女主播聊天`);
  }
}

// 文章的代码没有 import 和 __main__ 保护,这里补上
if (__name__ === '__main__') {
  const p1 = new MyProcess('wupeiqi');
  const p2 = new MyProcess('yuanhao');
  const p3 = new MyProcess('nezha');

  p1.start(); // start会自动调用run
  p2.start();
  // p2.run();
  p3.start();

  p1.join();
  p2.join();
  p3.join();

  print('主线程');
}

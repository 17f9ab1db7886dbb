import { Process } from 'multiprocessing';
import { sleep } from 'time';
import { randrange } from 'random';

class Piao extends Process {
  constructor(name: string) {
    // 文章先写 self.name=name 再调 super().__init__(),后者把名字重置成 Piao-1。
    // TypeScript 不许在 super() 之前用 this,所以这里只调 super(),结果和 CPython 3 一样。
    super();
  }
  override run() {
    print(`${this.name} is piaoing`);
    sleep(randrange(1, 3));
    print(`${this.name} is piao end`);
  }
}

// 文章没有 __main__ 保护,这里补上
if (__name__ === '__main__') {
  const p = new Piao('egon');
  p.start();
  p.join(0.0001); // 等待p停止,等0.0001秒就不再等了
  print('开始');
}

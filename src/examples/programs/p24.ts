import { Process } from 'multiprocessing';
import { sleep } from 'time';
import { randrange } from 'random';

class Piao extends Process {
  constructor(name: string) {
    // 同上一个 Piao:TypeScript 不许在 super() 之前设 this.name,名字是 Piao-1,和 CPython 3 一样
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
  p.daemon = true; // 一定要在p.start()前设置,设置p为守护进程,禁止p创建子进程,并且父进程代码执行结束,p即终止运行
  p.start();
  print('主');
}

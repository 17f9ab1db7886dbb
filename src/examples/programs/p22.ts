import { Process } from 'multiprocessing';
import { sleep } from 'time';

function foo() {
  print(123);
  sleep(1);
  print('end123');
}

function bar() {
  print(456);
  sleep(3);
  print('end456');
}

// 文章没有 import time 和 __main__ 保护,这里补上
if (__name__ === '__main__') {
  const p1 = new Process({ target: foo });
  const p2 = new Process({ target: bar });

  p1.daemon = true;
  p1.start();
  p2.start();
  sleep(0.1);
  print('main-------'); // 打印该行则主进程代码结束,则守护进程p1应该被终止.
  // 可能会有p1任务执行的打印信息123,因为主进程打印main----时,p1也执行了,但是随即被终止.
}

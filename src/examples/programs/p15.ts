import { Process, currentProcess } from 'multiprocessing';
import { getpid, getppid } from 'os';
import { sleep } from 'time';

function test(name: string) {
  print(`${name} is running`, currentProcess().pid);
  print(`${name} run`, getpid(), getppid());
  sleep(1);
  print(`${name} is over`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: test, args: ['lolo'] });
  p.start();
  // 文章注释掉的那几行,这里打开;开头两行是补充的:运行中的样子
  print(p.isAlive()); // 运行中:true
  print(p.exitCode); // 进程在运行时为 null
  p.join(); // 等待子进程结束
  p.terminate(); // 终止进程
  print(p.name); // 进程的名称
  print(p.isAlive()); // 是否存活
  p.terminate(); // 与start一样 都是给操作系统发送指令 所以会有延迟
  print(p.isAlive());
  print(p.pid);
  print(p.exitCode); // 获取退出码

  // 补充:被信号 N 结束的进程,退出码是 -N(terminate 发的是 SIGTERM,15)
  const p2 = new Process({ target: test, args: ['coco'] });
  p2.start();
  p2.terminate();
  p2.join();
  print(p2.exitCode);
}

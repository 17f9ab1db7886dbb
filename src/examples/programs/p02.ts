import { sleep } from 'time';
import { getpid, getppid } from 'os';
import { Process } from 'multiprocessing';

function func(args: string, args2: string) {
  print(args, args2);
  sleep(1);
  print('子进程:', getpid());
  print('子程序的父进程:', getppid());
  print(12345);
}

if (__name__ === '__main__') {
  const p = new Process({ target: func, args: ['参数1', '参数2'] });
  p.start();
  print('*'.repeat(10));
  print('父进程:', getpid());
  // 主进程的父进程:CPython 里是 shell 或 IDE,这里是页面(pid 1)
  print('父进程的父进程', getppid());
}

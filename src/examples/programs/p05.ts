import { Process } from 'multiprocessing';
import { sleep } from 'time';

function test(name: string) {
  print(`${name} is running`);
  sleep(2);
  print(`${name} is over`);
}

// windows创建进程会将代码以模块的方式 从上往下执行一遍
// linux会直接将代码完完整整的拷贝一份
// windows创建进程一定要在if __name__ == '__main__':代码块内创建 否则报错
if (__name__ === '__main__') {
  // 创建一个进程对象
  const p = new Process({ target: test, args: ['lolo'] });
  // 告诉操作系统帮你创建进程
  p.start();
  print('主');
}

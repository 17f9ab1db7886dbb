import { Process } from 'multiprocessing';
import { sleep } from 'time';

function task(name: string) {
  print(`${name} is running`);
  sleep(3);
}

if (__name__ === '__main__') {
  const obj = new Process({ target: task, args: ['egon'] });
  obj.daemon = true;
  obj.start(); // 发送信号给操作系统
  print('主');
}

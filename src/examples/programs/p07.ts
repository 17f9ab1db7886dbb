// 开进程的方法一:
import { sleep } from 'time';
import { randrange } from 'random';
import { Process } from 'multiprocessing';

function piao(name: string) {
  print(`${name} piaoing`);
  sleep(randrange(1, 5));
  print(`${name} piao end`);
}

// 没有 __main__ 保护:默认的 "fork" 启动方式下,子进程不执行顶层语句,和 Linux 一样能运行
const p1 = new Process({ target: piao, args: ['egon'] }); // 必须加,号
const p2 = new Process({ target: piao, args: ['alex'] });
const p3 = new Process({ target: piao, args: ['wupeqi'] });
const p4 = new Process({ target: piao, args: ['yuanhao'] });
p1.start();
p2.start();
p3.start();
p4.start();
print('主线程');

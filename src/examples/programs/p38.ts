import { Thread } from 'threading';
import { sleep, ctime } from 'time';

const loops = [1, 2, 3, 4];

function loop(name: number, sleepTime: number) {
  print('开始循环线程:' + String(name) + 'at:' + String(ctime()));
  sleep(sleepTime);
  print('循环' + String(name) + '结束于:' + String(ctime()));
}

function main() {
  print('程序开始于:' + String(ctime()));
  const threads: Thread[] = [];
  const nloops = loops.map((_, i) => i); // range(len(loops))
  for (const i of nloops) {
    const t = new Thread({ target: loop, args: [i, loops[i]] }); //循环 实例化4个Thread类,传递函数及其参数,并将线程对象放入一个列表中
    threads.push(t);
  }
  for (const i of nloops) {
    threads[i].start(); //循环 开始线程
  }
  for (const i of nloops) {
    threads[i].join(); //循环 join()方法可以让主线程等待所有的线程都执行完毕。
  }
  print('任务完成于:' + String(ctime()));
}

if (__name__ === '__main__') {
  main();
}
